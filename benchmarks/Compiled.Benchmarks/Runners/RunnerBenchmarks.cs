using BenchmarkDotNet.Attributes;
using Compiled.Benchmarks.Infrastructure;
using Compiled.Benchmarks.Runners;
using Compiled.Runners;

namespace Compiled.Benchmarks;

/// <summary>
/// Issue 6: the wide I/O pipeline (<see cref="WideIoPipeline"/>: 16 independent nodes that each await 20 ms, then a sum)
/// run by the sequential runner (the generated straight-line <c>RunAsync</c>) and by the parallel runner (generated
/// per-node steps, ready nodes started together) with its default bound and with a bound of 16.
/// </summary>
[MemoryDiagnoser]
public class RunnerBenchmarks
{
    private const int Expected = 136; // 1 + 2 + ... + 16
    private BenchmarksSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _session = Sessions.Plain();
        if (Sequential().GetAwaiter().GetResult() != Expected || Parallel().GetAwaiter().GetResult() != 17 || Parallel16().GetAwaiter().GetResult() != 17)
        {
            throw new InvalidOperationException("A runner did not run the wide pipeline.");
        }
    }

    [Benchmark(Baseline = true, Description = "Sequential (straight-line RunAsync)")]
    public async Task<int> Sequential() => (await _session.WideIo.RunAsync()).WideTotal;

    [Benchmark(Description = "Parallel runner, default bound")]
    public async Task<int> Parallel() =>
        (await _session.WideIo.ExecuteAsync(new RunOptions { Runner = RunnerKind.Parallel })).NodesRun.Count;

    [Benchmark(Description = "Parallel runner, bound 16")]
    public async Task<int> Parallel16() =>
        (await _session.WideIo.ExecuteAsync(new RunOptions { Runner = RunnerKind.Parallel, MaxDegreeOfParallelism = 16 })).NodesRun.Count;
}
