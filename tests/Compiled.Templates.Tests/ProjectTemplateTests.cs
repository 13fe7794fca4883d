using System.Text.Json;
using System.Text.RegularExpressions;
using Compiled.Package.Tests;
using Xunit;
using Xunit.Abstractions;

namespace Compiled.Templates.Tests;

/// <summary>
/// <c>dotnet new compiled</c> as a user runs it, with a name that is not a C# namespace (<c>my-app</c>), the item
/// templates added to it: it builds with no warning (warnings are errors), its own tests pass, its pipeline runs from
/// the command line and writes its output, and it references the Compiled packages at the packed version.
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed partial class ProjectTemplateTests(TemplateFeed feed, ITestOutputHelper output)
{
    [GeneratedRegex(@"^.*: warning [A-Z]+[0-9]+:.*$", RegexOptions.Multiline)]
    private static partial Regex WarningPattern();

    [Fact]
    public async Task Created_project_with_item_templates_builds_without_warnings_passes_its_tests_and_runs()
    {
        var root = Path.Combine(feed.WorkDirectory, "created");
        Directory.CreateDirectory(root);
        await feed.RunAsync(output, root, "new", "compiled", "-n", "my-app");
        var project = Path.Combine(root, "my-app");
        var source = Path.Combine(project, "src", "my-app");
        feed.WriteNuGetConfig(project);
        // The item templates read the project's RootNamespace through MSBuild, which evaluates a restored project.
        await feed.RunAsync(output, project, "restore");
        await feed.RunAsync(output, project, "new", "compiled-pipeline", "-n", "Reporting", "-o", "src/my-app");
        await feed.RunAsync(output, project, "new", "compiled-dataset", "-n", "LineCount", "-o", "src/my-app");

        // Kedro's layout, with conf/local kept out of git and the namespace sanitised (my-app is no C# namespace).
        foreach (var path in new[] { "conf/base/catalog.yml", "conf/base/parameters.yml", "conf/local/.gitkeep", "data/01_raw/products.csv", "data/08_reporting/.gitkeep" })
        {
            Assert.True(File.Exists(Path.Combine(source, path)), $"the created project has no src/my-app/{path}");
        }

        Assert.Contains("**/conf/local/**", File.ReadAllText(Path.Combine(project, ".gitignore")), StringComparison.Ordinal);
        Assert.Contains("namespace Myapp;", File.ReadAllText(Path.Combine(source, "ReportingPipeline.cs")), StringComparison.Ordinal);
        Assert.Contains($"<CompiledVersion>{feed.Version}</CompiledVersion>", File.ReadAllText(Path.Combine(project, "Directory.Build.props")), StringComparison.Ordinal);

        var test = await feed.RunAsync(output, project, "test", "--disable-build-servers");
        var warnings = WarningPattern().Matches(test.Output).Select(m => m.Value.Trim()).Where(w => !w.Contains(" NU19", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.True(warnings.Length == 0, "the created project warned:\n" + string.Join("\n", warnings));
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+3,", test.Output);

        // The CLI program starts as the sample does: no dynamic PGO, no background GC thread, a 1 MiB large-object threshold.
        var runtimeConfig = Assert.Single(Directory.GetFiles(Path.Combine(source, "bin"), "my-app.runtimeconfig.json", SearchOption.AllDirectories));
        using (var config = JsonDocument.Parse(File.ReadAllText(runtimeConfig)))
        {
            var options = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
            Assert.False(options.GetProperty("System.Runtime.TieredPGO").GetBoolean());
            Assert.False(options.GetProperty("System.GC.Concurrent").GetBoolean());
            Assert.Equal(1048576, options.GetProperty("System.GC.LOHThreshold").GetInt32());
        }

        await feed.RunAsync(output, project, "run", "--project", "src/my-app", "--no-build", "--", "run", "--params", "pricing.markup=0.5");
        var versions = Directory.GetDirectories(Path.Combine(source, "data", "06_models", "price_list.json"));
        var saved = Path.Combine(Assert.Single(versions), "price_list.json");
        using var priceList = JsonDocument.Parse(File.ReadAllText(saved));
        Assert.Equal(3.00m, priceList.RootElement.GetProperty("prices").GetProperty("widget").GetDecimal());
    }
}
