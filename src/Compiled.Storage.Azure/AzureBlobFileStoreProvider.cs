using Azure.Storage;
using Azure.Storage.Blobs;
using Compiled.Config;

namespace Compiled.Storage.Azure;

/// <summary>
/// Azure Blob Storage for file datasets: <c>abfs://container/path/file.csv</c> (also <c>abfss://</c> and
/// <c>az://</c>; <c>container@account.dfs.core.windows.net</c> is accepted as the container). Turn it on with
/// <c>new SessionOptions { FileStores = [new AzureBlobFileStoreProvider()] }</c>.
/// </summary>
/// <remarks>
/// The entry's <c>credentials</c> give either <c>connection_string</c>, or <c>account_name</c> and <c>account_key</c>
/// (and, for an emulator or another cloud, <c>endpoint_url</c>: the blob endpoint, e.g.
/// <c>http://127.0.0.1:10000/devstoreaccount1</c>). Their values never appear in errors.
/// </remarks>
/// <param name="options">The Blob client's options (retries, service version, transport); null for the SDK's defaults.</param>
public sealed class AzureBlobFileStoreProvider(BlobClientOptions? options = null) : IFileStoreProvider
{
    private static readonly string[] Keys = ["connection_string", "account_name", "account_key", "endpoint_url"];

    /// <inheritdoc />
    public IReadOnlyList<string> Schemes { get; } = ["abfs", "abfss", "az"];

    /// <inheritdoc />
    public IFileStore Create(string url, ConfigMapping? credentials)
    {
        ArgumentNullException.ThrowIfNull(url);
        StorageUrl.Parse(url);
        if (credentials is null)
            throw Incomplete(url, "names no credentials: add 'credentials: <name>' with connection_string, or account_name and account_key, in conf/<env>/credentials.yml");
        foreach (var key in credentials.Keys)
        {
            if (!Keys.Contains(key, StringComparer.Ordinal))
                throw Incomplete(url, $"has credentials with the unsupported key '{key}' (supported: {string.Join(", ", Keys)})");
        }
        var connectionString = Value(credentials, "connection_string");
        var accountName = Value(credentials, "account_name");
        var accountKey = Value(credentials, "account_key");
        var endpoint = Value(credentials, "endpoint_url");
        if (connectionString is not null)
        {
            if (accountName is not null || accountKey is not null || endpoint is not null)
                throw Incomplete(url, "has credentials with both connection_string and account_name / account_key / endpoint_url: give one or the other");
            return new AzureBlobFileStore(Client(url, () => new BlobServiceClient(connectionString, options), "connection_string is not a valid Azure Storage connection string"));
        }
        if (accountName is null || accountKey is null)
            throw Incomplete(url, "has credentials without connection_string, and without account_name and account_key: give one or the other");
        var serviceUri = endpoint ?? $"https://{accountName}.blob.core.windows.net";
        return new AzureBlobFileStore(Client(url,
            () => new BlobServiceClient(new Uri(serviceUri), new StorageSharedKeyCredential(accountName, accountKey), options),
            "account_key is not a base64 key, or endpoint_url is not an absolute URL"));
    }

    private static string? Value(ConfigMapping credentials, string key) => credentials[key] switch
    {
        null => null,
        ConfigScalar { Value: { Length: > 0 } value } => value,
        _ => null,
    };

    // The SDK's own parsing errors may quote the value: report only which key is wrong.
    private static BlobServiceClient Client(string url, Func<BlobServiceClient> create, string problem)
    {
        try
        {
            return create();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or UriFormatException)
        {
            throw Incomplete(url, "has credentials whose " + problem);
        }
    }

    private static StorageException Incomplete(string url, string problem) =>
        new(StorageFailure.AccessDenied, url, $"{problem} (for {url}).");
}
