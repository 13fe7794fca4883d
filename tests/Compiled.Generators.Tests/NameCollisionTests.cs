using Compiled.Generators.Tests.Infrastructure;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// Dataset names are the user's; the names the generator writes next to them (locals such as
/// <c>run</c>, <c>step</c>, <c>inputs</c>; the nested <c>Result</c> and <c>Inputs</c> types) must
/// never collide with them. Every project here is valid input and must compile.
/// </summary>
public sealed class NameCollisionTests
{
    public static TheoryData<string, string, string, string> Projects() => new()
    {
        {
            "datasets named like the run's other locals",
            """
            public static class Nodes
            {
                [Node(Output = "run")] public static int First(int catalog, int parameters) => catalog + parameters;
                [Node(Output = "exception")] public static int Second(int run, int session) => run + session;
            }
            [Pipeline(typeof(Nodes), Inputs = ["catalog", "parameters", "session"])] public sealed partial class CollisionPipeline;
            """,
            "",
            ""
        },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void GeneratedPipelineCompiles(string name, string nodes, string catalog, string parameters)
    {
        Assert.NotEmpty(name);
        var project = TestProject.Create("Collisions")
            .WithSource("Nodes.cs", "using Compiled;\n\nnamespace Collisions;\n\n" + nodes)
            .WithConfig("conf/base/catalog.yml", catalog)
            .WithConfig("conf/base/parameters.yml", parameters);

        var run = GeneratorHarness.Run(project);

        Assert.DoesNotContain(run.Project.Pipelines, p => p.HasErrors);
        run.AssertCompiles();
    }
}
