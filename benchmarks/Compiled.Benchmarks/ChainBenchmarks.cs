using BenchmarkDotNet.Attributes;
using Compiled.Benchmarks.Chains;
using Compiled.Benchmarks.Engines;
using Compiled.Benchmarks.Infrastructure;

namespace Compiled.Benchmarks;

/// <summary>
/// Run overhead on a 10-node in-memory chain (<see cref="Chain10Pipeline"/>): the first input is a
/// runtime input of <c>Run</c>, every other dataset a node output, so a run does no I/O and the
/// generated code keeps everything in locals.
/// </summary>
[MemoryDiagnoser]
public class ChainBenchmarks
{
    private BenchmarksSession _session = null!;
    private Chain10Pipeline _chain = null!;
    private Chain10UnattributedPipeline _chainUnattributed = null!;
    private BenchmarksSession _hooked = null!;
    private DataflowChain _dataflow = null!;
    private ReflectionEngine _reflection = null!;
    private long _input = 42;
    private Compiled.Runners.RunOptions _nodeByNode = null!;

    [GlobalSetup]
    public void Setup()
    {
        _session = Sessions.Plain();
        (_chain, _chainUnattributed) = (_session.Chain10, _session.Chain10Unattributed);
        _hooked = Sessions.WithNoOpHook();
        _dataflow = new DataflowChain(typeof(Chain10Nodes));
        _reflection = new ReflectionEngine([typeof(Chain10Nodes)]);
        _nodeByNode = new Compiled.Runners.RunOptions { Inputs = new Dictionary<string, object?> { ["input"] = _input } };
        var summary = SessionNodeByNode().GetAwaiter().GetResult();
        if (summary.NodesRun.Count != 10) throw new InvalidOperationException($"The node-by-node run ran {summary.NodesRun.Count} nodes, expected 10.");
        var expected = Chain10HandWritten.Run(_input);
        Check(expected, GeneratedRun(), GeneratedRunUnattributed(), GeneratedRunHeld(), GeneratedRunHeldUnattributed(), GeneratedRunAsync(), GeneratedRunWithRunId(), SessionWithNoOpHook(), Dataflow().GetAwaiter().GetResult(), Reflection());
    }

    [GlobalCleanup]
    public void Cleanup() => _dataflow.Dispose();

    [Benchmark(Baseline = true, Description = "Hand-written calls")]
    public long HandWritten() => Chain10HandWritten.Run(_input);

    [Benchmark(Description = "Generated Run")]
    public long GeneratedRun() => _session.Chain10.Run(_input).D10;

    [Benchmark(Description = "Generated Run, AttributeFailures = false")]
    public long GeneratedRunUnattributed() => _session.Chain10Unattributed.Run(_input).D10;

    // A server holds the pipeline it runs, injected once, as the hand-written calls need nothing to reach.
    [Benchmark(Description = "Generated Run, pipeline in a field")]
    public long GeneratedRunHeld() => _chain.Run(_input).D10;

    [Benchmark(Description = "Generated Run, pipeline in a field, AttributeFailures = false")]
    public long GeneratedRunHeldUnattributed() => _chainUnattributed.Run(_input).D10;

    [Benchmark(Description = "Generated Run, caller's runId")]
    public long GeneratedRunWithRunId() => _session.Chain10.Run(_input, runId: "benchmark").D10;

    [Benchmark(Description = "Generated RunAsync")]
    public long GeneratedRunAsync()
    {
        var run = _session.Chain10.RunAsync(_input);
        return (run.IsCompletedSuccessfully ? run.Result : run.AsTask().GetAwaiter().GetResult()).D10;
    }

    [Benchmark(Description = "Session + 1 no-op hook")]
    public long SessionWithNoOpHook() => _hooked.Chain10.Run(_input).D10;

    [Benchmark(Description = "Session-level run (node by node)")]
    public Task<Compiled.Runners.RunSummary> SessionNodeByNode() => _session.Chain10.ExecuteAsync(_nodeByNode);

    [Benchmark(Description = "TPL Dataflow, 1 request")]
    public Task<long> Dataflow() => _dataflow.RunAsync(_input);

    [Benchmark(Description = "Reflection engine")]
    public long Reflection() => (long)_reflection.Run([new("input", _input)])["d10"]!;

    internal static void Check(long expected, params long[] actual)
    {
        for (var i = 0; i < actual.Length; i++)
        {
            if (actual[i] != expected) throw new InvalidOperationException($"Benchmark {i} computed {actual[i]}, expected {expected}.");
        }
    }
}
