using System.Collections.Concurrent;
using Compiled;

namespace Compiled.Cluster.Tests.Infrastructure;

/// <summary>
/// A hook on the in-process silos' sessions: counts, per silo, the loads of the <c>model</c> artifact (its preload included) and the
/// runs of the <c>square</c> node that started and that completed.
/// </summary>
internal sealed class SiloProbe : PipelineHook
{
    private static readonly ConcurrentDictionary<string, SiloProbe> Probes = new(StringComparer.Ordinal);
    private int _modelLoads;
    private int _squaresCompleted;
    private int _squaresStarted;

    public static SiloProbe For(string silo) => Probes.GetOrAdd(silo, _ => new SiloProbe());

    public static int ModelLoads => Probes.Values.Sum(p => Volatile.Read(ref p._modelLoads));

    public static int SquaresCompleted => Probes.Values.Sum(p => Volatile.Read(ref p._squaresCompleted));

    public static int SquaresStarted => Probes.Values.Sum(p => Volatile.Read(ref p._squaresStarted));

    public override void AfterDatasetLoaded(in RunParams run, string dataset)
    {
        if (dataset == "model") Interlocked.Increment(ref _modelLoads);
    }

    public override void BeforeNodeRun(in RunParams run, string node)
    {
        if (node == "square") Interlocked.Increment(ref _squaresStarted);
    }

    public override void AfterNodeRun(in RunParams run, string node)
    {
        if (node == "square") Interlocked.Increment(ref _squaresCompleted);
    }
}
