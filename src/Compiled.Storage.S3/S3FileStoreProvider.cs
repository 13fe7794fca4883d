using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Compiled.Config;

namespace Compiled.Storage.S3;

/// <summary>
/// Amazon S3 and S3-compatible stores for file datasets: <c>s3://bucket/path/file.csv</c>. Turn it on with
/// <c>new SessionOptions { FileStores = [new S3FileStoreProvider()] }</c>.
/// </summary>
/// <remarks>
/// The entry's <c>credentials</c> give <c>key</c> and <c>secret</c> (fsspec's names; also <c>token</c> for temporary
/// credentials), <c>region</c>, and for an S3-compatible server or an emulator <c>endpoint_url</c> (requests then
/// address buckets by path). Without <c>credentials</c> the SDK's default chain is used (environment variables,
/// profile, instance role). Checksums are computed only where S3 requires them and uploads are never
/// <c>aws-chunked</c>, which S3-compatible servers store corrupted. Values never appear in errors.
/// </remarks>
/// <param name="configure">Adjusts each client's configuration (retries, timeouts), or null.</param>
public sealed class S3FileStoreProvider(Action<AmazonS3Config>? configure = null) : IFileStoreProvider
{
    private static readonly string[] Keys = ["key", "secret", "token", "region", "endpoint_url"];

    /// <inheritdoc />
    public IReadOnlyList<string> Schemes { get; } = ["s3", "s3a"];

    /// <inheritdoc />
    public IFileStore Create(string url, ConfigMapping? credentials)
    {
        ArgumentNullException.ThrowIfNull(url);
        StorageUrl.Parse(url);
        foreach (var key in credentials?.Keys ?? [])
        {
            if (!Keys.Contains(key, StringComparer.Ordinal))
                throw Incomplete(url, $"has credentials with the unsupported key '{key}' (supported: {string.Join(", ", Keys)})");
        }
        var accessKey = Value(credentials, "key");
        var secret = Value(credentials, "secret");
        var token = Value(credentials, "token");
        var region = Value(credentials, "region");
        var endpoint = Value(credentials, "endpoint_url");
        if ((accessKey is null) != (secret is null))
            throw Incomplete(url, "has credentials with only one of key and secret: give both");
        if (token is not null && accessKey is null)
            throw Incomplete(url, "has credentials with a token but no key and secret: give all three");

        var config = new AmazonS3Config
        {
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (endpoint is not null)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri) || endpointUri.Scheme is not ("http" or "https"))
                throw Incomplete(url, "has credentials whose endpoint_url is not an http(s) URL");
            config.ServiceURL = endpointUri.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region ?? "us-east-1";
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region ?? "us-east-1");
        }
        configure?.Invoke(config);

        var client = accessKey is null
            ? new AmazonS3Client(config)
            : new AmazonS3Client(token is null ? new BasicAWSCredentials(accessKey, secret) : new SessionAWSCredentials(accessKey, secret, token), config);
        return new S3FileStore(client);
    }

    private static string? Value(ConfigMapping? credentials, string key) => credentials?[key] switch
    {
        ConfigScalar { Value: { Length: > 0 } value } => value,
        _ => null,
    };

    private static StorageException Incomplete(string url, string problem) =>
        new(StorageFailure.AccessDenied, url, $"{problem} (for {url}).");
}
