using Compiled.Storage.Tests.Servers;
using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Compiled.Config;
using Compiled.Datasets;
using Compiled.Storage;
using Compiled.Storage.Azure;
using Compiled.Storage.S3;
using CsvHelper;
using Parquet.Serialization;

namespace Compiled.Benchmarks.Storage;

/// <summary>
/// A CSV file of about 100 MB and a Parquet file of the same rows (about 75 MB), saved to and loaded from Azurite and
/// s3rver through the catalog's datasets (<c>abfs://</c> and <c>s3://</c> file paths), against hand-written SDK code
/// doing the same in the same run: CsvHelper or Parquet.Net's serializer over the SDK's own upload and download.
/// Each category's baseline is the hand-written code; the ratio is the framework's cost.
/// </summary>
/// <remarks>
/// The hand-written saves are not atomic in the same way: Azure's <c>OpenWriteAsync</c> commits what was written
/// when the stream is disposed, even after an exception, and the S3 baseline buffers the whole object in memory for
/// one put. The datasets stream in 8 MiB parts, four at a time, and commit only a complete object.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StorageBenchmarks
{
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const int RowCount = 1_600_000;

    private ServerProcess _azurite = null!;
    private ServerProcess _s3rver = null!;
    private string _project = null!;
    private BlobContainerClient _container = null!;
    private AmazonS3Client _s3 = null!;
    private Row[] _rows = null!;
    private CsvDataset<Row> _csv = null!;
    private ParquetDataset<Row> _parquet = null!;

    /// <summary>The store the files are in.</summary>
    [Params("azure", "s3")]
    public string Store { get; set; } = "azure";

    /// <summary>One row: an id, 40 random hexadecimal characters and a number (about 62 bytes of CSV).</summary>
    public sealed class Row : Datasets.ICsvTable<Row>
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public double Value { get; set; }

        public static Row[] ReadAll(CsvReader csv)
        {
            var c = Datasets.SpaceflightsTables.Columns(csv, "id", "name", "value");
            var rows = new List<Row>();
            while (csv.Read())
            {
                rows.Add(new Row
                {
                    Id = csv.Parse<int>(c[0], CultureInfo.InvariantCulture),
                    Name = Datasets.SpaceflightsTables.StringOrNull(csv, c[1]) ?? "",
                    Value = csv.Parse<double>(c[2], CultureInfo.InvariantCulture),
                });
            }
            return [.. rows];
        }

        public static void WriteAll(CsvWriter csv, Row[] rows)
        {
            csv.WriteHeader(["id", "name", "value"]);
            foreach (var row in rows)
            {
                csv.WriteField(row.Id, default);
                csv.WriteField(row.Name);
                csv.WriteField(row.Value, default);
                csv.EndRecord();
            }
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _azurite = ServerProcess.Start("azurite-blob", (port, dir) =>
            ["--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--location", dir, "--skipApiVersionCheck", "--disableTelemetry", "--silent"]);
        _s3rver = ServerProcess.Start("s3rver", (port, dir) => ["-d", dir, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--silent"]);
        var azureEndpoint = $"http://127.0.0.1:{_azurite.Port}/devstoreaccount1";
        var s3Endpoint = $"http://127.0.0.1:{_s3rver.Port}";
        _container = new BlobServiceClient($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};BlobEndpoint={azureEndpoint};")
            .GetBlobContainerClient("bench");
        _container.Create();
        _s3 = new AmazonS3Client("S3RVER", "S3RVER", new AmazonS3Config
        {
            ServiceURL = s3Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
        });
        _s3.PutBucketAsync("bench").GetAwaiter().GetResult();

        var random = new Random(42);
        _rows = Enumerable.Range(0, RowCount).Select(i => new Row { Id = i, Name = Convert.ToHexString(random.GetItems<byte>(new byte[256], 20)), Value = random.NextDouble() * 1000 }).ToArray();

        _project = Directory.CreateTempSubdirectory("compiled-bench-storage-").FullName;
        Directory.CreateDirectory(Path.Combine(_project, "conf", "base"));
        Directory.CreateDirectory(Path.Combine(_project, "conf", "local"));
        var scheme = Store == "azure" ? "abfs" : "s3";
        File.WriteAllText(Path.Combine(_project, "conf", "base", "catalog.yml"), $"""
            rows_csv:
              type: csv
              filepath: {scheme}://bench/ours/rows.csv
              credentials: {Store}
            rows_parquet:
              type: parquet
              filepath: {scheme}://bench/ours/rows.parquet
              credentials: {Store}
            """);
        File.WriteAllText(Path.Combine(_project, "conf", "local", "credentials.yml"), $"""
            azure:
              account_name: devstoreaccount1
              account_key: {AzuriteKey}
              endpoint_url: {azureEndpoint}
            s3:
              key: S3RVER
              secret: S3RVER
              endpoint_url: {s3Endpoint}
            """);
        var config = ProjectConfig.Load(_project, "local", fileStores: [new AzureBlobFileStoreProvider(), new S3FileStoreProvider()]);
        _csv = CsvDataset<Row>.FromConfig(config.GetDataset("rows_csv"));
        _parquet = ParquetDataset<Row>.FromConfig(config.GetDataset("rows_parquet"));

        // The files the loads read, written once by each side.
        _csv.SaveAsync(_rows).AsTask().GetAwaiter().GetResult();
        _parquet.SaveAsync(_rows).AsTask().GetAwaiter().GetResult();
        WriteCsvBySdk().GetAwaiter().GetResult();
        WriteParquetBySdk().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _s3.Dispose();
        _azurite.Dispose();
        _s3rver.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("csv save")]
    public Task CsvSaveBySdk() => WriteCsvBySdk();

    [Benchmark, BenchmarkCategory("csv save")]
    public ValueTask CsvSave() => _csv.SaveAsync(_rows);

    [Benchmark(Baseline = true), BenchmarkCategory("csv load")]
    public async Task<int> CsvLoadBySdk()
    {
        await using var stream = await OpenBySdk("sdk/rows.csv");
        using var csv = CsvReader.Create(stream, Datasets.SpaceflightsTables.ReadOptions(), leaveOpen: true);
        return Row.ReadAll(csv).Length;
    }

    [Benchmark, BenchmarkCategory("csv load")]
    public async Task<int> CsvLoad() => (await _csv.LoadAsync()).Length;

    [Benchmark(Baseline = true), BenchmarkCategory("parquet save")]
    public Task ParquetSaveBySdk() => WriteParquetBySdk();

    [Benchmark, BenchmarkCategory("parquet save")]
    public ValueTask ParquetSave() => _parquet.SaveAsync(_rows);

    [Benchmark(Baseline = true), BenchmarkCategory("parquet load")]
    public async Task<int> ParquetLoadBySdk()
    {
        await using var stream = await OpenBySdk("sdk/rows.parquet");
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        buffer.Position = 0;
        return (await ParquetSerializer.DeserializeAsync<Row>(buffer)).Data.Count;
    }

    [Benchmark, BenchmarkCategory("parquet load")]
    public async Task<int> ParquetLoad() => (await _parquet.LoadAsync()).Length;

    private async Task WriteCsvBySdk()
    {
        await UploadBySdk("sdk/rows.csv", stream =>
        {
            using var csv = CsvWriter.Create(stream, Datasets.SpaceflightsTables.WriteOptions(), leaveOpen: true);
            Row.WriteAll(csv, _rows);
            csv.Flush();
            return Task.CompletedTask;
        });
    }

    private Task WriteParquetBySdk() =>
        UploadBySdk("sdk/rows.parquet", stream => ParquetSerializer.SerializeAsync(_rows, stream));

    private async Task UploadBySdk(string key, Func<Stream, Task> write)
    {
        if (Store == "azure")
        {
            // The SDK's streaming upload (blocks committed when the stream is disposed).
            await using var stream = await _container.GetBlockBlobClient(key).OpenWriteAsync(overwrite: true);
            await write(stream);
            return;
        }
        var buffer = new MemoryStream();
        await write(buffer);
        buffer.Position = 0;
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = "bench", Key = key, InputStream = buffer, UseChunkEncoding = false });
    }

    private async Task<Stream> OpenBySdk(string key) => Store == "azure"
        ? (await _container.GetBlobClient(key).DownloadStreamingAsync()).Value.Content
        : (await _s3.GetObjectAsync("bench", key)).ResponseStream;
}
