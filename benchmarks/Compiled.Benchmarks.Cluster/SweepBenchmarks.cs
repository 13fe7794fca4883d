using BenchmarkDotNet.Attributes;
using Compiled.Orleans;
using Grid;
using Orleans.TestingHost;
using Spaceflights;

namespace Compiled.Benchmarks.Cluster;

/// <summary>
/// Sweep throughput on 1, 2 and 3 in-process silos, two runs at once per silo: 24 runs of a node that waits 50 ms
/// (I/O-bound: the silos' slots are the limit), and 12 trainings of the real, CPU-bound data_science pipeline (on this
/// 2-core machine the cores are the limit, whatever the number of silos).
/// </summary>
[MemoryDiagnoser]
public class SweepBenchmarks
{
    private static readonly List<GridParameters> Waits =
        Enumerable.Range(0, 24).Select(i => GridParameters.Default with { Sweep = new SweepOptions(i, 50, -1) }).ToList();

    private static readonly List<SpaceflightsParameters> Trainings =
        Enumerable.Range(1, 12).Select(i => SpaceflightsParameters.Default with
        {
            ModelOptions = SpaceflightsParameters.Default.ModelOptions with { TestSize = 0.1 + i % 4 * 0.1, RandomState = i },
        }).ToList();

    private TestCluster _grid = null!;
    private TestCluster _spaceflights = null!;

    [Params(1, 2, 3)]
    public int Silos { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _grid = BenchCluster.StartAsync(Silos, spaceflights: false).GetAwaiter().GetResult();
        _spaceflights = BenchCluster.StartAsync(Silos, spaceflights: true).GetAwaiter().GetResult();
        // data_science reads the model input table: make it once.
        _spaceflights.Client.Pipeline<DataProcessingPipeline>().RunAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _grid.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _spaceflights.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "sweep: 24 runs of a 50 ms I/O-bound node")]
    public async Task<int> IoBoundSweep()
    {
        var count = 0;
        await foreach (var run in _grid.Client.Pipeline<SquarePipeline>().SweepAsync(Waits)) count += run.Succeeded ? 1 : 0;
        return count;
    }

    [Benchmark(Description = "sweep: 12 data_science trainings")]
    public async Task<int> DataScienceSweep()
    {
        var count = 0;
        await foreach (var run in _spaceflights.Client.Pipeline<DataSciencePipeline>().SweepAsync(Trainings)) count += run.Succeeded ? 1 : 0;
        return count;
    }
}
