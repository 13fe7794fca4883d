using BenchmarkDotNet.Attributes;
using Compiled.Orleans;
using Grid;
using Orleans.TestingHost;

namespace Compiled.Benchmarks.Cluster;

/// <summary>
/// The cost of a remote run over the grain call it rides on: the scoring pipeline (one runtime input, an artifact, a
/// microsecond node) run remotely, against a bare grain call carrying the same request body and a reply of the same size.
/// One silo, in process: what is measured is dispatch, JSON and Orleans' messaging, not a network.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private TestCluster _cluster = null!;
    private RemotePipeline<ScorePipeline> _remote = null!;
    private IPayloadGrain _bare = null!;
    private ITypedScoreGrain _typed = null!;
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cluster = BenchCluster.StartAsync(silos: 1, spaceflights: false).GetAwaiter().GetResult();
        _remote = _cluster.Client.Pipeline<ScorePipeline>();
        _bare = _cluster.Client.GetGrain<IPayloadGrain>(0);
        _typed = _cluster.Client.GetGrain<ITypedScoreGrain>(0);
        _body = new RemoteBody(_remote.JsonOptions).Input("point", new Point(3)).ToRequest("body", 0, RemoteParameters.None).Body.ToArray();
        var remote = RemoteRun().GetAwaiter().GetResult();
        BareGrainCall().GetAwaiter().GetResult();
        var typed = TypedGrainCall().GetAwaiter().GetResult();
        if (typed.Score != remote.Score)
            throw new InvalidOperationException($"The typed grain scores {typed.Score}, the pipeline {remote.Score}: its model is not the pipeline's (data/model.json).");
    }

    [GlobalCleanup]
    public void Cleanup() => _cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "bare grain call, same payload")]
    public Task<byte[]> BareGrainCall() => _bare.EchoAsync(_body, CancellationToken.None);

    /// <summary>The same scoring written on Orleans alone: typed point in, typed score out, Orleans' codecs, the node called in the grain.</summary>
    [Benchmark(Description = "bare grain call, typed (Orleans codecs, node called)")]
    public Task<ScoredPoint> TypedGrainCall() => _typed.ScoreAsync(new Point(3), CancellationToken.None);

    [Benchmark(Description = "remote run (client.Pipeline<ScorePipeline>().RunAsync)")]
    public Task<ScorePipeline.Result> RemoteRun() => _remote.RunAsync(new Point(3));
}
