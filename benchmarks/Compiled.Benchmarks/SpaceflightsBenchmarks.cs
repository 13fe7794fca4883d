using BenchmarkDotNet.Attributes;
using Compiled.Benchmarks.Engines;
using Compiled.Benchmarks.Infrastructure;
using Compiled.Benchmarks.Spaceflights;

namespace Compiled.Benchmarks;

/// <summary>
/// Run overhead on the spaceflights-shaped graph (<see cref="SpaceflightsPipeline"/>): the node and
/// dataset topology of samples/Spaceflights — 3 raw inputs (runtime inputs here), 6 nodes, a 4-tuple
/// output, two parameters — with trivial bodies and no I/O.
/// </summary>
[MemoryDiagnoser]
public class SpaceflightsBenchmarks
{
    private BenchmarksSession _session = null!;
    private BenchmarksSession _hooked = null!;
    private DataflowSpaceflights _dataflow = null!;
    private ReflectionEngine _reflection = null!;
    private ModelOptions _options = null!;
    private long _companies = 3, _reviews = 5, _shuttles = 7;

    [GlobalSetup]
    public void Setup()
    {
        _session = Sessions.Plain();
        _hooked = Sessions.WithNoOpHook();
        _options = _session.Parameters.ModelOptions;
        _dataflow = new DataflowSpaceflights(_options);
        _reflection = new ReflectionEngine(
            [typeof(ShapedDataProcessing), typeof(ShapedDataScience)],
            new Dictionary<string, object?> { ["model_options"] = _options, ["model_options.features"] = _options.Features });
        ChainBenchmarks.Check(HandWritten(), GeneratedRun(), GeneratedRunAsync(), GeneratedRunWithRunId(), SessionWithNoOpHook(), Dataflow().GetAwaiter().GetResult(), Reflection());
    }

    [GlobalCleanup]
    public void Cleanup() => _dataflow.Dispose();

    [Benchmark(Baseline = true, Description = "Hand-written calls")]
    public long HandWritten() => SpaceflightsHandWritten.Run(_companies, _reviews, _shuttles, _options);

    [Benchmark(Description = "Generated Run")]
    public long GeneratedRun() => _session.Spaceflights.Run(companies: _companies, reviews: _reviews, shuttles: _shuttles).Metrics;

    [Benchmark(Description = "Generated Run, caller's runId")]
    public long GeneratedRunWithRunId() =>
        _session.Spaceflights.Run(companies: _companies, reviews: _reviews, shuttles: _shuttles, runId: "benchmark").Metrics;

    [Benchmark(Description = "Generated RunAsync")]
    public long GeneratedRunAsync()
    {
        var run = _session.Spaceflights.RunAsync(companies: _companies, reviews: _reviews, shuttles: _shuttles);
        return (run.IsCompletedSuccessfully ? run.Result : run.AsTask().GetAwaiter().GetResult()).Metrics;
    }

    [Benchmark(Description = "Session + 1 no-op hook")]
    public long SessionWithNoOpHook() => _hooked.Spaceflights.Run(companies: _companies, reviews: _reviews, shuttles: _shuttles).Metrics;

    [Benchmark(Description = "TPL Dataflow, 1 request")]
    public Task<long> Dataflow() => _dataflow.RunAsync(_companies, _reviews, _shuttles);

    [Benchmark(Description = "Reflection engine")]
    public long Reflection() =>
        (long)_reflection.Run([new("companies", _companies), new("reviews", _reviews), new("shuttles", _shuttles)])["metrics"]!;
}
