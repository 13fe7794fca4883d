using System.Globalization;
using Compiled.Storage.Tests.Servers;

namespace Compiled.Benchmarks.Storage;

/// <summary>Azurite and s3rver from <c>tests/servers/node_modules</c> on free loopback ports, as the storage tests start them.</summary>
internal static class StorageEmulators
{
    public static ServerProcess StartAzurite() => ServerProcess.Start("azurite-blob", (port, dir) =>
        ["--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture), "--location", dir, "--skipApiVersionCheck", "--disableTelemetry", "--silent"]);

    public static ServerProcess StartS3rver() =>
        ServerProcess.Start("s3rver", (port, dir) => ["-d", dir, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--silent"]);

    public static string AzureEndpoint(ServerProcess azurite) => $"http://127.0.0.1:{azurite.Port}/devstoreaccount1";

    public static string S3Endpoint(ServerProcess s3rver) => $"http://127.0.0.1:{s3rver.Port}";
}
