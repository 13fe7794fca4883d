using System.Text.RegularExpressions;
using Compiled.Package.Tests;
using Xunit;
using Xunit.Abstractions;

namespace Compiled.Templates.Tests;

/// <summary>
/// <c>dotnet new compiled --cluster</c>: the solution, its Orleans project (Compiled.Orleans at the packed version) included,
/// builds with no warning, and the local mode runs once: a silo on free 127.0.0.1 ports holding the project's session, and
/// the client running the default pipeline, then the quote pipeline with its runtime input, on it.
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed class ClusterTemplateTests(TemplateFeed feed, ITestOutputHelper output)
{
    [Fact]
    public async Task Cluster_project_builds_and_runs_the_pipelines_on_a_local_silo()
    {
        var root = Path.Combine(feed.WorkDirectory, "cluster");
        Directory.CreateDirectory(root);
        await feed.RunAsync(output, root, "new", "compiled", "-n", "Fleet", "--cluster");
        var project = Path.Combine(root, "Fleet");
        feed.WriteNuGetConfig(project);
        var clusterProject = Path.Combine(project, "src", "Fleet.Cluster", "Fleet.Cluster.csproj");
        Assert.Contains($"<PackageReference Include=\"Compiled.Orleans\" Version=\"$(CompiledVersion)\" />", File.ReadAllText(clusterProject), StringComparison.Ordinal);
        Assert.Contains("src/Fleet.Cluster/Fleet.Cluster.csproj", File.ReadAllText(Path.Combine(project, "Fleet.slnx")), StringComparison.Ordinal);

        var build = await feed.RunAsync(output, project, "build", "--disable-build-servers");
        Assert.DoesNotMatch(@": warning [A-Z]+[0-9]+:(?! NU19)", build.Output);

        var run = await feed.RunAsync(output, Path.Combine(project, "src", "Fleet.Cluster"), "run", "--no-build");
        Assert.Matches(new Regex(@"^default on the cluster: 2 prices$", RegexOptions.Multiline), run.Output);
        Assert.Matches(new Regex(@"^quote on the cluster: widget 7\.50$", RegexOptions.Multiline), run.Output); // 3 × (2.00 + 25 %)
    }
}
