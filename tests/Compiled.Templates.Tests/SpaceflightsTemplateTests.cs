using System.Text.Json;
using System.Text.RegularExpressions;
using Compiled.Package.Tests;
using Spaceflights;
using Xunit;
using Xunit.Abstractions;

namespace Compiled.Templates.Tests;

/// <summary>
/// <c>dotnet new compiled --starter spaceflights</c>: Kedro's tutorial with its data. The created project builds with no
/// warning, its own tests pass, and its default pipeline, run from its command line, gives the R² that
/// <c>samples/Spaceflights</c> gives on the same data, run in this test.
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed partial class SpaceflightsTemplateTests(TemplateFeed feed, ITestOutputHelper output)
{
    [GeneratedRegex(@"^.*: warning [A-Z]+[0-9]+:.*$", RegexOptions.Multiline)]
    private static partial Regex WarningPattern();

    [Fact]
    public async Task Spaceflights_starter_builds_passes_its_tests_and_gives_the_r2_of_the_sample()
    {
        var root = Path.Combine(feed.WorkDirectory, "spaceflights");
        Directory.CreateDirectory(root);
        await feed.RunAsync(output, root, "new", "compiled", "-n", "Flights", "--starter", "spaceflights");
        var project = Path.Combine(root, "Flights");
        var source = Path.Combine(project, "src", "Flights");
        feed.WriteNuGetConfig(project);

        // The tutorial's data travels with the template, byte for byte.
        foreach (var file in new[] { "companies.csv", "reviews.csv", "shuttles.xlsx" })
        {
            var copy = Path.Combine(source, "data", "01_raw", file);
            Assert.True(File.Exists(copy), $"the created project has no data/01_raw/{file}");
            Assert.Equal(File.ReadAllBytes(Path.Combine(SampleProject.Directory, "data", "01_raw", file)), File.ReadAllBytes(copy));
        }

        Assert.False(File.Exists(Path.Combine(source, "Pricing.cs")), "the spaceflights starter carries the minimal starter's nodes");

        var test = await feed.RunAsync(output, project, "test", "--disable-build-servers");
        var warnings = WarningPattern().Matches(test.Output).Select(m => m.Value.Trim()).Where(w => !w.Contains(" NU19", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.True(warnings.Length == 0, "the created project warned:\n" + string.Join("\n", warnings));
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+3,", test.Output);

        await feed.RunAsync(output, project, "run", "--project", "src/Flights", "--no-build", "--", "run");
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(source, "data", "08_reporting", "metrics.json")));
        var created = metrics.RootElement.GetProperty("r2_score").GetDouble();

        var sample = await SampleProject.DefaultRunR2Async();
        output.WriteLine($"r2_score: created project {created:R}, samples/Spaceflights {sample:R}");
        Assert.InRange(sample, 0.1, 1.0); // a trained model, not NaN or a constant
        Assert.Equal(sample, created);
    }

    /// <summary><c>samples/Spaceflights</c> (referenced by this test project), run in process on a copy of its conf/ and raw data.</summary>
    private static class SampleProject
    {
        public static string Directory { get; } = Path.Combine(Repository.Root, "samples", "Spaceflights");

        public static async Task<double> DefaultRunR2Async()
        {
            var copy = Path.Combine(Path.GetTempPath(), "compiled-template-tests", "sample-" + Guid.NewGuid().ToString("N"));
            try
            {
                foreach (var folder in new[] { Path.Combine("conf", "base"), Path.Combine("data", "01_raw") })
                {
                    foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(Directory, folder)))
                    {
                        System.IO.Directory.CreateDirectory(Path.Combine(copy, folder));
                        File.Copy(file, Path.Combine(copy, folder, Path.GetFileName(file)));
                    }
                }

                var session = SpaceflightsProject.CreateSession(new SessionOptions { ProjectPath = copy });
                return (await session.Default.RunAsync()).Metrics.R2Score;
            }
            finally
            {
                System.IO.Directory.Delete(copy, recursive: true);
            }
        }
    }
}
