using Compiled.Storage.Tests.Servers;

namespace Compiled.Benchmarks.Storage;

/// <summary>The endpoints of Azurite and s3rver, started by <see cref="ServerProcess"/> as the storage tests start them.</summary>
internal static class StorageEmulators
{
    public static string AzureEndpoint(ServerProcess azurite) => $"http://127.0.0.1:{azurite.Port}/devstoreaccount1";

    public static string S3Endpoint(ServerProcess s3rver) => $"http://127.0.0.1:{s3rver.Port}";
}
