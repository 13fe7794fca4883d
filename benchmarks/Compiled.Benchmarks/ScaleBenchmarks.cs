using BenchmarkDotNet.Attributes;
using Compiled.Benchmarks.Chains;
using Compiled.Benchmarks.Engines;
using Compiled.Benchmarks.Infrastructure;

namespace Compiled.Benchmarks;

/// <summary>
/// How the cost of a run grows with the node count: chains of 10, 100 and 1,000 nodes
/// (Chains/ChainN.cs, written by benchmarks/tools/generate_chains.py). The <c>ns/node</c> column is the
/// mean divided by the node count.
/// </summary>
[MemoryDiagnoser]
public class ScaleBenchmarks
{
    private BenchmarksSession _session = null!;
    private ReflectionEngine _reflection = null!;
    private string _last = null!;
    private long _input = 42;

    [Params(10, 100, 1000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _session = Sessions.Plain();
        var nodes = Nodes switch
        {
            10 => typeof(Chain10Nodes),
            100 => typeof(Chain100Nodes),
            1000 => typeof(Chain1000Nodes),
            _ => throw new NotSupportedException($"No chain of {Nodes} nodes: run benchmarks/tools/generate_chains.py."),
        };
        _reflection = new ReflectionEngine([nodes]);
        _last = "d" + Nodes.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Math.Max(2, Nodes.ToString(System.Globalization.CultureInfo.InvariantCulture).Length), '0');
        ChainBenchmarks.Check(HandWritten(), GeneratedRun(), GeneratedRunAsync(), Reflection());
    }

    [Benchmark(Baseline = true, Description = "Hand-written calls")]
    public long HandWritten() => Nodes switch
    {
        10 => Chain10HandWritten.Run(_input),
        100 => Chain100HandWritten.Run(_input),
        _ => Chain1000HandWritten.Run(_input),
    };

    [Benchmark(Description = "Generated Run")]
    public long GeneratedRun() => Nodes switch
    {
        10 => _session.Chain10.Run(_input).D10,
        100 => _session.Chain100.Run(_input).D100,
        _ => _session.Chain1000.Run(_input).D1000,
    };

    [Benchmark(Description = "Generated RunAsync")]
    public long GeneratedRunAsync() => Nodes switch
    {
        10 => Complete(_session.Chain10.RunAsync(_input)).D10,
        100 => Complete(_session.Chain100.RunAsync(_input)).D100,
        _ => Complete(_session.Chain1000.RunAsync(_input)).D1000,
    };

    [Benchmark(Description = "Reflection engine")]
    public long Reflection() => (long)_reflection.Run([new("input", _input)])[_last]!;

    private static T Complete<T>(ValueTask<T> run) => run.IsCompletedSuccessfully ? run.Result : run.AsTask().GetAwaiter().GetResult();
}
