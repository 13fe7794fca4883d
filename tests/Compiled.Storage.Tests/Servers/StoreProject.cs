using Azure.Storage.Blobs;
using Compiled.Config;
using Compiled.Storage.Azure;
using Compiled.Storage.S3;

namespace Compiled.Storage.Tests.Servers;

/// <summary>The object stores the tests run against.</summary>
public enum Store
{
    /// <summary>Azure Blob Storage (Azurite), <c>abfs://</c>.</summary>
    Azure,

    /// <summary>S3 (s3rver), <c>s3://</c>.</summary>
    S3,
}

/// <summary>
/// A project directory whose catalog points at the emulators: <c>conf/base/catalog.yml</c> as the test writes it, and
/// <c>conf/local/credentials.yml</c> with credentials <c>azure</c> and <c>s3</c> whose secrets come from environment
/// variables (<c>${env:…}</c>). Every project writes under a prefix of its own in the bucket and container.
/// </summary>
public sealed class StoreProject : IDisposable
{
    private readonly Emulators _emulators;
    private readonly string _directory = Directory.CreateTempSubdirectory("compiled-storage-project-").FullName;
    private readonly string _secretVariable = "COMPILED_TEST_SECRET_" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Creates the project; <paramref name="azureKey"/>, <paramref name="s3Key"/> and <paramref name="s3Secret"/> replace
    /// the right credentials (to test wrong ones: s3rver checks the key but not version 4 signatures, so a wrong secret
    /// alone goes unnoticed there).
    /// </summary>
    public StoreProject(Emulators emulators, string? azureKey = null, string? s3Key = null, string? s3Secret = null)
    {
        _emulators = emulators;
        Prefix = "run-" + Guid.NewGuid().ToString("N")[..12];
        Environment.SetEnvironmentVariable(_secretVariable + "_AZURE", azureKey ?? Emulators.AzuriteKey);
        Environment.SetEnvironmentVariable(_secretVariable + "_S3", s3Secret ?? Emulators.S3Key);
        Directory.CreateDirectory(Path.Combine(_directory, "conf", "base"));
        Directory.CreateDirectory(Path.Combine(_directory, "conf", "local"));
        File.WriteAllText(Path.Combine(_directory, "conf", "local", "credentials.yml"), $"""
            azure:
              account_name: {Emulators.AzuriteAccount}
              account_key: ${"{"}env:{_secretVariable}_AZURE{"}"}
              endpoint_url: {emulators.AzureEndpoint}
            s3:
              key: {s3Key ?? Emulators.S3Key}
              secret: ${"{"}env:{_secretVariable}_S3{"}"}
              endpoint_url: {emulators.S3Endpoint}
            """);
    }

    /// <summary>The project directory (its <c>conf/local/credentials.yml</c> names <c>azure</c> and <c>s3</c>).</summary>
    public string ProjectPath => _directory;

    /// <summary>The key prefix of this project's objects.</summary>
    public string Prefix { get; }

    /// <summary>The URL of <paramref name="file"/> under this project's prefix in <paramref name="store"/>'s bucket or container.</summary>
    public string Url(Store store, string file, string bucket = Emulators.Bucket) =>
        $"{(store == Store.Azure ? "abfs" : "s3")}://{bucket}/{Prefix}/{file}";

    /// <summary>The credentials name of <paramref name="store"/>.</summary>
    public static string Credentials(Store store) => store == Store.Azure ? "azure" : "s3";

    /// <summary>Writes the catalog and reads the configuration with both stores registered.</summary>
    public ProjectConfig Load(string catalog)
    {
        File.WriteAllText(Path.Combine(_directory, "conf", "base", "catalog.yml"), catalog);
        return ProjectConfig.Load(_directory, "local", fileStores: Providers);
    }

    /// <summary>The catalog entry of one file dataset in <paramref name="store"/>.</summary>
    public string Entry(string name, string type, Store store, string file, bool versioned = false, string? loadVersion = null, string bucket = Emulators.Bucket) => $"""
        {name}:
          type: {type}
          filepath: {Url(store, file, bucket)}
          credentials: {Credentials(store)}
        {(versioned ? "  versioned: true\n" : "")}{(loadVersion is null ? "" : $"  load_version: {loadVersion}\n")}
        """;

    /// <summary>The bytes of the object at <paramref name="file"/> under the prefix, read with the SDK (not through the dataset).</summary>
    public async Task<byte[]> ReadRaw(Store store, string file)
    {
        var key = $"{Prefix}/{file}";
        if (store == Store.Azure)
        {
            var blob = new BlobServiceClient(_emulators.AzureConnectionString).GetBlobContainerClient(Emulators.Bucket).GetBlobClient(key);
            return (await blob.DownloadContentAsync()).Value.Content.ToArray();
        }
        using var client = _emulators.S3Client();
        using var response = await client.GetObjectAsync(Emulators.Bucket, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes <paramref name="content"/> to the object at <paramref name="file"/> under the prefix with the SDK (not through a dataset).</summary>
    public async Task WriteRaw(Store store, string file, byte[] content)
    {
        var key = $"{Prefix}/{file}";
        if (store == Store.Azure)
        {
            var blob = new BlobServiceClient(_emulators.AzureConnectionString).GetBlobContainerClient(Emulators.Bucket).GetBlobClient(key);
            await blob.UploadAsync(new BinaryData(content), overwrite: true);
            return;
        }
        using var client = _emulators.S3Client();
        await client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest
        {
            BucketName = Emulators.Bucket, Key = key, InputStream = new MemoryStream(content), UseChunkEncoding = false,
        });
    }

    /// <summary>The keys under the prefix, relative to it, read with the SDK.</summary>
    public async Task<List<string>> Keys(Store store)
    {
        var keys = new List<string>();
        if (store == Store.Azure)
        {
            var container = new BlobServiceClient(_emulators.AzureConnectionString).GetBlobContainerClient(Emulators.Bucket);
            await foreach (var blob in container.GetBlobsAsync(new global::Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = Prefix + "/" })) keys.Add(blob.Name[(Prefix.Length + 1)..]);
        }
        else
        {
            using var client = _emulators.S3Client();
            var response = await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = Emulators.Bucket, Prefix = Prefix + "/" });
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key[(Prefix.Length + 1)..]));
        }
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <summary>Both stores' providers, with few retries (the tests break connections on purpose).</summary>
    public static IFileStoreProvider[] Providers =>
    [
        new AzureBlobFileStoreProvider(new BlobClientOptions { Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(50) } }),
        new S3FileStoreProvider(config => config.MaxErrorRetry = 1),
    ];

    /// <inheritdoc />
    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_secretVariable + "_AZURE", null);
        Environment.SetEnvironmentVariable(_secretVariable + "_S3", null);
        Directory.Delete(_directory, recursive: true);
    }
}
