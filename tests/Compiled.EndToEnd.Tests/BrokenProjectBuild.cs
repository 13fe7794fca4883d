using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace Compiled.EndToEnd.Tests;

/// <summary>
/// <c>dotnet build</c> of a deliberately broken project under BrokenProject/ (see its README.md), checking that
/// the build failed and that nothing crashed (no CS8784/CS8785/AD0001, no C# error in generated code).
/// </summary>
internal static class BrokenProjectBuild
{
    private static readonly string Directory = Path.Combine(FindRoot(), "tests", "Compiled.EndToEnd.Tests", "BrokenProject");

    /// <summary>The configuration this test assembly was built in: the generator and analyzers were built in it too.</summary>
    private static readonly string Configuration =
        typeof(BrokenProjectBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>"path(line,column): error CPL0001: message (help link) [project]", one per line of MSBuild's output.</summary>
    private static readonly Regex Diagnostic = new(
        @"^[ \t]*(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \((?<help>https?://[^)\s]*)\))?(?: \[[^\]\r\n]+\])?\r?$",
        RegexOptions.Multiline);

    /// <summary>
    /// Builds BrokenProject/<paramref name="project"/> (its dependencies are already built: this project references
    /// them) and returns its distinct diagnostics as "relative/path(line,column): severity id: message", sorted,
    /// after checking that the build failed and that nothing crashed.
    /// </summary>
    public static async Task<List<string>> BuildAsync(string project, ITestOutputHelper output)
    {
        var projectDirectory = Path.Combine(Directory, project);
        var result = await Dotnet.RunAsync(projectDirectory, "build", project + ".csproj", "-c", Configuration, "--no-dependencies", "--disable-build-servers", "-nologo", "-v:q");
        output.WriteLine(result.ToString());

        Assert.True(result.ExitCode != 0, "the build of a broken project succeeded:\n" + result);
        foreach (var crash in new[] { "CS8784", "CS8785", "AD0001", "CS9057" })
        {
            Assert.DoesNotContain(crash, result.Output, StringComparison.Ordinal);
        }

        foreach (Match match in Diagnostic.Matches(result.Output))
        {
            var id = match.Groups["id"].Value;
            if (!id.StartsWith("CPL", StringComparison.Ordinal)) continue;
            Assert.EndsWith($"/docs/diagnostics/{id}.md", match.Groups["help"].Value, StringComparison.Ordinal);
        }

        // MSBuild prints every diagnostic as it happens and again in its summary after "Build FAILED.":
        // in the first part each must appear once (the analyzers report it; the generator does not repeat it).
        var failed = result.Output.IndexOf("Build FAILED.", StringComparison.Ordinal);
        Assert.True(failed >= 0, "MSBuild's summary ('Build FAILED.') is missing from the output");
        var reported = Diagnostic.Matches(result.Output.Substring(0, failed))
            .Select(m => $"{Relative(m.Groups["file"].Value, projectDirectory)}({m.Groups["line"].Value},{m.Groups["column"].Value}): " +
                         $"{m.Groups["severity"].Value} {m.Groups["id"].Value}: {Normalize(m.Groups["message"].Value, projectDirectory)}")
            .ToList();
        var repeated = reported.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "reported more than once:\n" + string.Join("\n", repeated));

        var diagnostics = reported.Order(StringComparer.Ordinal).ToList();
        Assert.DoesNotContain(diagnostics, d => !d.Contains(": error CPL", StringComparison.Ordinal) && !d.Contains(": warning CPL", StringComparison.Ordinal));
        return diagnostics;
    }

    private static string Relative(string path, string projectDirectory)
    {
        var full = Path.GetFullPath(path.Trim(), projectDirectory);
        return full.StartsWith(projectDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full.Substring(projectDirectory.Length + 1).Replace('\\', '/')
            : full;
    }

    private static string Normalize(string message, string projectDirectory) =>
        message.Replace(projectDirectory + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Compiled.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Compiled.sln not found above " + AppContext.BaseDirectory);
    }
}
