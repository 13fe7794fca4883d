using System.Globalization;
using System.Xml.Linq;
using Compiled.Package.Tests;
using Xunit;
using Xunit.Abstractions;

namespace Compiled.Templates.Tests;

/// <summary>
/// Packs Compiled, Compiled.Cli, Compiled.Hosting, Compiled.Orleans and Compiled.Templates once for all the template tests: into a fresh feed, at a version
/// no earlier run used (so no cached package can stand in for it), built in an artifacts folder of their own (the
/// repository's bin/obj are neither read nor touched), and installs the templates into an isolated DOTNET_CLI_HOME.
/// </summary>
public sealed class TemplateFeed : IAsyncLifetime
{
    /// <summary>The folder of NuGet packages preinstalled on the project's machines (xunit, the test SDK, ...).</summary>
    private const string MachinePackageFolder = "/opt/nuget/packages";

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "compiled-template-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A SemVer 2 prerelease unique to this run.</summary>
    public string Version { get; } = $"0.1.0-template-{DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"[..44];

    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    /// <summary>The environment of every <c>dotnet</c> command of the tests: the isolated CLI home and packages folder.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["DOTNET_CLI_HOME"] = Path.Combine(WorkDirectory, "cli-home"),
        ["NUGET_PACKAGES"] = Path.Combine(WorkDirectory, "packages"),
    };

    internal CommandResult Install { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        foreach (var project in new[]
                 {
                     "src/Compiled/Compiled.csproj", "src/Compiled.Cli/Compiled.Cli.csproj", "src/Compiled.Hosting/Compiled.Hosting.csproj",
                     "src/Compiled.Orleans/Compiled.Orleans.csproj", "src/Compiled.Templates/Compiled.Templates.csproj",
                 })
        {
            var pack = await DotnetCli.RunAsync(Repository.Root, environment: null,
                "pack", Path.Combine(Repository.Root, project), "-c", "Release", "-o", FeedDirectory, $"-p:Version={Version}",
                "-p:UseArtifactsOutput=true", $"-p:ArtifactsPath={Path.Combine(WorkDirectory, "artifacts")}", "--disable-build-servers");
            if (pack.ExitCode != 0) throw new InvalidOperationException($"Packing {project} failed. {pack}");
        }

        Install = await DotnetCli.RunAsync(WorkDirectory, Environment, "new", "install", Path.Combine(FeedDirectory, $"Compiled.Templates.{Version}.nupkg"));
        if (Install.ExitCode != 0) throw new InvalidOperationException($"Installing the templates failed. {Install}");
    }

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="directory"/>, with this feed's templates and
    /// packages, logs its duration to <paramref name="output"/>, and fails the test unless it exits with 0.
    /// </summary>
    internal async Task<CommandResult> RunAsync(ITestOutputHelper output, string directory, params string[] arguments)
    {
        var result = await DotnetCli.RunAsync(directory, Environment, arguments);
        output.WriteLine($"{result.CommandLine}: {result.Elapsed.TotalSeconds:F1} s");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>
    /// A nuget.config in <paramref name="directory"/> adding this feed (and the machine's package folder) to the sources
    /// inherited from the user's NuGet configuration, as a user adds a private feed.
    /// </summary>
    public void WriteNuGetConfig(string directory)
    {
        var sources = new List<(string Key, string Path)> { ("compiled-under-test", FeedDirectory) };
        if (Directory.Exists(MachinePackageFolder)) sources.Add(("machine-package-folder", MachinePackageFolder));
        new XDocument(new XElement("configuration", new XElement("packageSources",
            sources.Select(s => new XElement("add", new XAttribute("key", s.Key), new XAttribute("value", s.Path))))))
            .Save(Path.Combine(directory, "nuget.config"));
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(WorkDirectory, recursive: true); }
        catch (IOException) { /* best effort: it is under the temporary folder */ }
        catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}

/// <summary>The repository checkout the tests run from.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Compiled.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Compiled.sln not found above " + AppContext.BaseDirectory);
    }
}
