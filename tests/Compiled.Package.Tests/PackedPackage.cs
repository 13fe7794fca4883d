using System.Globalization;
using Xunit;

namespace Compiled.Package.Tests;

/// <summary>
/// Packs <c>src/Compiled</c> once for the tests of <see cref="PackageTests"/>: into a fresh temporary folder, with a
/// version no earlier run used (so no cached <c>Compiled</c> package can stand in for it), and built in an artifacts
/// folder of its own so the pack neither reads nor touches the repository's <c>bin</c>/<c>obj</c>.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    /// <summary>Set to keep the temporary folder (its path is in the test output) for a look after the run.</summary>
    public const string KeepFilesVariable = "COMPILED_PACKAGE_TESTS_KEEP";

    public string WorkDirectory { get; } = Path.Combine(
        Path.GetTempPath(), "compiled-package-tests", $"{Stamp("yyyyMMdd-HHmmss")}-{Guid.NewGuid():N}"[..32]);

    /// <summary>A SemVer 2 prerelease of 0.1.0 unique to this run (one alphanumeric identifier, so no leading-zero rule applies).</summary>
    public string Version { get; } = $"0.1.0-test-{Stamp("yyyyMMddHHmmss")}-{Guid.NewGuid():N}"[..40];

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    public string PackagePath => Path.Combine(FeedDirectory, $"Compiled.{Version}.nupkg");

    internal CommandResult Pack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        Pack = await DotnetCli.RunAsync(Repository.Root, environment: null,
            "pack", Path.Combine(Repository.Root, "src", "Compiled", "Compiled.csproj"),
            "-c", "Release",
            "-o", FeedDirectory,
            $"-p:Version={Version}",
            "-p:UseArtifactsOutput=true",
            $"-p:ArtifactsPath={Path.Combine(WorkDirectory, "artifacts")}",
            "--disable-build-servers");
        if (Pack.ExitCode != 0 || !File.Exists(PackagePath))
        {
            await DisposeAsync();
            throw new InvalidOperationException($"Packing src/Compiled failed or did not write {PackagePath}. {Pack}");
        }
    }

    private static string Stamp(string format) => DateTime.UtcNow.ToString(format, CultureInfo.InvariantCulture);

    public Task DisposeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(KeepFilesVariable)))
        {
            try { Directory.Delete(WorkDirectory, recursive: true); }
            catch (IOException) { /* best effort: it is under the temporary folder */ }
            catch (UnauthorizedAccessException) { }
        }

        return Task.CompletedTask;
    }
}
