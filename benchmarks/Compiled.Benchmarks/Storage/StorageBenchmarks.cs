using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Compiled.Storage.Tests.Servers;

namespace Compiled.Benchmarks.Storage;

/// <summary>
/// The <see cref="StorageWorkload"/> on Azurite and s3rver: each category's baseline is the hand-written SDK code, the
/// other row the catalog's dataset doing the same; the ratio is the framework's cost. See the workload for what each
/// side does and where they differ.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StorageBenchmarks
{
    private ServerProcess _azurite = null!;
    private ServerProcess _s3rver = null!;
    private StorageWorkload _workload = null!;

    /// <summary>The store the files are in.</summary>
    [Params("azure", "s3")]
    public string Store { get; set; } = "azure";

    [GlobalSetup]
    public void Setup()
    {
        _azurite = ServerProcess.StartAzurite();
        _s3rver = ServerProcess.StartS3rver();
        _workload = new StorageWorkload(Store, StorageEmulators.AzureEndpoint(_azurite), StorageEmulators.S3Endpoint(_s3rver));
        _workload.PrepareAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _workload.Dispose();
        _azurite.Dispose();
        _s3rver.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("csv save")]
    public Task<int> CsvSaveBySdk() => _workload.RunAsync("csv-save-sdk");

    [Benchmark, BenchmarkCategory("csv save")]
    public Task<int> CsvSave() => _workload.RunAsync("csv-save");

    [Benchmark(Baseline = true), BenchmarkCategory("csv load")]
    public Task<int> CsvLoadBySdk() => _workload.RunAsync("csv-load-sdk");

    [Benchmark, BenchmarkCategory("csv load")]
    public Task<int> CsvLoad() => _workload.RunAsync("csv-load");

    [Benchmark(Baseline = true), BenchmarkCategory("parquet save")]
    public Task<int> ParquetSaveBySdk() => _workload.RunAsync("parquet-save-sdk");

    [Benchmark, BenchmarkCategory("parquet save")]
    public Task<int> ParquetSave() => _workload.RunAsync("parquet-save");

    [Benchmark(Baseline = true), BenchmarkCategory("parquet load")]
    public Task<int> ParquetLoadBySdk() => _workload.RunAsync("parquet-load-sdk");

    [Benchmark, BenchmarkCategory("parquet load")]
    public Task<int> ParquetLoad() => _workload.RunAsync("parquet-load");
}
