using Amazon.S3;
using Amazon.S3.Model;
using Azure.Storage.Blobs;
using Xunit;

namespace Compiled.Storage.Tests.Servers;

/// <summary>
/// Azurite (Blob Storage) and s3rver (S3), each with a bucket / container <c>data</c>, started once for all the
/// tests of the collection and stopped after them.
/// </summary>
public sealed class Emulators : IDisposable
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AzuriteAccount = "devstoreaccount1";

    /// <summary>Azurite's well-known development key (public: it is in Azurite's documentation).</summary>
    public const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>s3rver's only accepted key and secret.</summary>
    public const string S3Key = "S3RVER";

    /// <summary>The bucket and container the tests write to.</summary>
    public const string Bucket = "data";

    /// <summary>Starts both emulators and creates the bucket and the container.</summary>
    public Emulators()
    {
        Azurite = ServerProcess.StartAzurite();
        S3 = ServerProcess.StartS3rver();
        new BlobServiceClient(AzureConnectionString).GetBlobContainerClient(Bucket).Create();
        using var s3 = S3Client();
        s3.PutBucketAsync(new PutBucketRequest { BucketName = Bucket }).GetAwaiter().GetResult();
    }

    /// <summary>The Azurite server.</summary>
    public ServerProcess Azurite { get; }

    /// <summary>The s3rver server.</summary>
    public ServerProcess S3 { get; }

    /// <summary>Azurite's blob endpoint.</summary>
    public string AzureEndpoint => $"http://127.0.0.1:{Azurite.Port}/{AzuriteAccount}";

    /// <summary>The connection string of Azurite's development account.</summary>
    public string AzureConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteAccount};AccountKey={AzuriteKey};BlobEndpoint={AzureEndpoint};";

    /// <summary>s3rver's endpoint.</summary>
    public string S3Endpoint => $"http://127.0.0.1:{S3.Port}";

    /// <summary>A client of s3rver with the settings it needs to store objects byte for byte (see docs/datasets.md).</summary>
    public AmazonS3Client S3Client() => new(S3Key, S3Key, new AmazonS3Config
    {
        ServiceURL = S3Endpoint,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <inheritdoc />
    public void Dispose()
    {
        Azurite.Dispose();
        S3.Dispose();
    }
}

/// <summary>The tests that share the emulators.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<Emulators>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "emulators";
}
