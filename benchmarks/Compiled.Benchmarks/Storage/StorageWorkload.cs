using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Compiled.Config;
using Compiled.Datasets;
using Compiled.Storage.Azure;
using Compiled.Storage.S3;
using CsvHelper;
using Parquet.Serialization;

namespace Compiled.Benchmarks.Storage;

/// <summary>
/// What the storage benchmarks and the peak-memory harness measure, on one store (<c>azure</c> or <c>s3</c>) whose
/// emulator is already running: 1.6 million rows (a CSV file of about 100 MB, a Parquet file of about 75 MB) saved and
/// loaded through the catalog's datasets (<c>abfs://bench/ours/…</c>, <c>s3://bench/ours/…</c>), and by hand-written SDK
/// code (CsvHelper or Parquet.Net's serializer over the SDK's own upload and download, <c>bench/sdk/…</c>).
/// </summary>
/// <remarks>
/// Both sides of a load read the same object (the one the dataset saved), so they download and parse the same bytes
/// (the AWS SDK hashes every byte of a download whose ETag looks like an MD5, as s3rver's do: that work is on both
/// sides). The hand-written CSV load reads synchronously (CsvHelper's
/// <c>Read</c>, the fastest way to use the response stream); the dataset's <c>LoadAsync</c> reads asynchronously. The
/// hand-written Parquet load copies the download into memory; the dataset copies it into a temporary file.
/// The hand-written saves are weaker: Azure's <c>OpenWriteAsync</c> commits whatever was written when its stream is
/// disposed, even after an exception, and the S3 one holds the whole object in memory for one <c>PutObject</c>.
/// </remarks>
public sealed class StorageWorkload : IDisposable
{
    /// <summary>Azurite's well-known development key (public: it is in Azurite's documentation).</summary>
    public const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The bucket and container.</summary>
    public const string Bucket = "bench";

    /// <summary>The operations, in the order the harness runs them: a format, a direction, and who does it.</summary>
    public static readonly string[] Operations =
        ["csv-save-sdk", "csv-save", "csv-load-sdk", "csv-load", "parquet-save-sdk", "parquet-save", "parquet-load-sdk", "parquet-load"];

    private const int RowCount = 1_600_000;
    private const string CsvKey = "ours/rows.csv";
    private const string ParquetKey = "ours/rows.parquet";

    private readonly string _store;
    private readonly string _project;
    private readonly BlobContainerClient _container;
    private readonly AmazonS3Client _s3;
    private readonly CsvDataset<Row> _csv;
    private readonly ParquetDataset<Row> _parquet;
    private Row[]? _rows;

    /// <summary>A workload on <paramref name="store"/>, with the emulators at <paramref name="azureEndpoint"/> and <paramref name="s3Endpoint"/>.</summary>
    public StorageWorkload(string store, string azureEndpoint, string s3Endpoint)
    {
        _store = store is "azure" or "s3" ? store : throw new ArgumentException($"Unknown store '{store}': azure or s3.", nameof(store));
        _container = new BlobServiceClient($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteKey};BlobEndpoint={azureEndpoint};")
            .GetBlobContainerClient(Bucket);
        _s3 = new AmazonS3Client("S3RVER", "S3RVER", new AmazonS3Config
        {
            ServiceURL = s3Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
        });

        _project = Directory.CreateTempSubdirectory("compiled-bench-storage-").FullName;
        Directory.CreateDirectory(Path.Combine(_project, "conf", "base"));
        Directory.CreateDirectory(Path.Combine(_project, "conf", "local"));
        var scheme = store == "azure" ? "abfs" : "s3";
        File.WriteAllText(Path.Combine(_project, "conf", "base", "catalog.yml"), $"""
            rows_csv:
              type: csv
              filepath: {scheme}://{Bucket}/{CsvKey}
              credentials: {store}
            rows_parquet:
              type: parquet
              filepath: {scheme}://{Bucket}/{ParquetKey}
              credentials: {store}
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
    }

    /// <summary>The rows the saves write, generated on first use (the same rows every time: seed 42).</summary>
    public Row[] Rows => _rows ??= Generate();

    /// <summary>Creates the bucket or container and writes the objects the loads read.</summary>
    public async Task PrepareAsync()
    {
        if (_store == "azure") await _container.CreateIfNotExistsAsync();
        else await _s3.PutBucketAsync(Bucket);
        await _csv.SaveAsync(Rows);
        await _parquet.SaveAsync(Rows);
    }

    /// <summary>Runs one of <see cref="Operations"/>; a load returns the number of rows.</summary>
    public Task<int> RunAsync(string operation) => operation switch
    {
        "csv-save-sdk" => Saved(CsvSaveBySdk()),
        "csv-save" => Saved(_csv.SaveAsync(Rows).AsTask()),
        "csv-load-sdk" => CsvLoadBySdk(),
        "csv-load" => Count(_csv.LoadAsync()),
        "parquet-save-sdk" => Saved(ParquetSaveBySdk()),
        "parquet-save" => Saved(_parquet.SaveAsync(Rows).AsTask()),
        "parquet-load-sdk" => ParquetLoadBySdk(),
        "parquet-load" => Count(_parquet.LoadAsync()),
        _ => throw new ArgumentException($"Unknown operation '{operation}': one of {string.Join(", ", Operations)}.", nameof(operation)),
    };

    /// <summary>CsvHelper over the SDK's upload.</summary>
    private Task CsvSaveBySdk() => UploadBySdk("sdk/rows.csv", stream =>
    {
        using var csv = CsvWriter.Create(stream, Datasets.SpaceflightsTables.WriteOptions(), leaveOpen: true);
        Row.WriteAll(csv, Rows);
        csv.Flush();
        return Task.CompletedTask;
    });

    /// <summary>CsvHelper (synchronous reads) over the SDK's download of the dataset's object.</summary>
    private async Task<int> CsvLoadBySdk()
    {
        await using var stream = await OpenBySdk(CsvKey);
        using var csv = CsvReader.Create(stream, Datasets.SpaceflightsTables.ReadOptions(), leaveOpen: true);
        return Row.ReadAll(csv).Length;
    }

    /// <summary>Parquet.Net's serializer over the SDK's upload.</summary>
    private Task ParquetSaveBySdk() => UploadBySdk("sdk/rows.parquet", stream => ParquetSerializer.SerializeAsync(Rows, stream));

    /// <summary>The SDK's download of the dataset's object copied into memory, then Parquet.Net's serializer.</summary>
    private async Task<int> ParquetLoadBySdk()
    {
        await using var stream = await OpenBySdk(ParquetKey);
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        buffer.Position = 0;
        return (await ParquetSerializer.DeserializeAsync<Row>(buffer)).Data.Count;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _s3.Dispose();
        Directory.Delete(_project, recursive: true);
    }

    private static async Task<int> Saved(Task save)
    {
        await save;
        return 0;
    }

    private static async Task<int> Count(ValueTask<Row[]> load) => (await load).Length;

    private async Task UploadBySdk(string key, Func<Stream, Task> write)
    {
        if (_store == "azure")
        {
            // The SDK's streaming upload (blocks committed when the stream is disposed).
            await using var stream = await _container.GetBlockBlobClient(key).OpenWriteAsync(overwrite: true);
            await write(stream);
            return;
        }
        var buffer = new MemoryStream();
        await write(buffer);
        buffer.Position = 0;
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = buffer, UseChunkEncoding = false });
    }

    private async Task<Stream> OpenBySdk(string key) => _store == "azure"
        ? (await _container.GetBlobClient(key).DownloadStreamingAsync()).Value.Content
        : (await _s3.GetObjectAsync(Bucket, key)).ResponseStream;

    private static Row[] Generate()
    {
        var random = new Random(42);
        return Enumerable.Range(0, RowCount)
            .Select(i => new Row { Id = i, Name = Convert.ToHexString(random.GetItems<byte>(new byte[256], 20)), Value = random.NextDouble() * 1000 })
            .ToArray();
    }

    /// <summary>One row: an id, 40 random hexadecimal characters and a number (about 62 bytes of CSV).</summary>
    public sealed class Row : Datasets.ICsvTable<Row>
    {
        /// <summary>The id.</summary>
        public int Id { get; set; }

        /// <summary>40 hexadecimal characters.</summary>
        public string Name { get; set; } = "";

        /// <summary>A number below 1,000.</summary>
        public double Value { get; set; }

        /// <inheritdoc />
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

        /// <inheritdoc />
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
}
