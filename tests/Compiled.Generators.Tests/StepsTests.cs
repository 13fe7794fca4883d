using Compiled.Generators.Tests.Infrastructure;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// The per-node steps (<c>*.Steps.g.cs</c>) of unusual pipelines compile without errors or warnings: names that collide
/// with the execution's own members and fields, nodes with nothing in or out, namespaced names that flatten to the same
/// identifier, required runtime values.
/// </summary>
public sealed class StepsTests
{
    public static TheoryData<string, string, string> Projects() => new()
    {
        {
            "a node with no inputs and no outputs",
            """
            public static class Nodes
            {
                [Node]
                public static void Ping() { }
            }

            [Pipeline(typeof(Nodes))]
            public sealed partial class PingPipeline;
            """,
            ""
        },
        {
            "datasets and nodes named like the execution's members",
            """
            public static class Nodes
            {
                [Node(Name = "run_node", Output = "catalog")]
                public static int RunNode(int parameters) => parameters;

                [Node(Name = "release", Output = "pipeline")]
                public static int Release(int catalog) => catalog;

                [Node(Name = "exists", Output = "run")]
                public static int Exists(int pipeline, int catalog) => pipeline + catalog;
            }

            [Pipeline(typeof(Nodes), Inputs = ["parameters"])]
            public sealed partial class MembersPipeline;
            """,
            "run:\n  type: json\n  filepath: data/run.json\n"
        },
        {
            "namespaced names that flatten to the same identifier, and a required runtime value",
            """
            public static class Nodes
            {
                [Node(Output = "b_c")]
                public static int Make(int a) => a;
            }

            [Pipeline(Name = "flat")]
            [Include(typeof(Nodes), Namespace = "x.a", Inputs = ["a"])]
            [Include(typeof(Nodes), Namespace = "x_a", Inputs = ["a"])]
            public sealed partial class FlatPipeline;
            """,
            "a:\n  type: json\n  filepath: data/${runtime:region}/a.json\n\"{name}.b_c\":\n  type: json\n  filepath: data/{name}.json\n\"{name}_a.b_c\":\n  type: json\n  filepath: data/{name}_a.json\n"
        },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void StepsCompileWithoutWarnings(string name, string nodes, string catalog)
    {
        Assert.NotEmpty(name);
        var project = TestProject.Create("Steps")
            .WithSource("Nodes.cs", "using Compiled;\n\nnamespace Steps;\n\n" + nodes)
            .WithConfig("conf/base/catalog.yml", catalog);
        var run = GeneratorHarness.Run(project);

        Assert.DoesNotContain(run.Project.Pipelines, p => p.HasErrors);
        run.AssertCompiles();
        var warnings = run.CompilationDiagnostics
            .Where(d => d.Id != "CS1998" && d.Location.SourceTree is { } tree && !run.InputCompilation.SyntaxTrees.Contains(tree))
            .Select(d => d.ToString())
            .ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
        Assert.Contains(run.Sources.Keys, k => k.EndsWith(".Steps.g.cs", StringComparison.Ordinal));
    }
}
