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
            "a dataset local named like the run's step counter",
            """
            public static class Nodes
            {
                [Node(Output = "step")] public static int First(int seed) => seed + 1;
                [Node(Output = "total")] public static int Second(int step) => step * 2;
            }
            [Pipeline(typeof(Nodes), Inputs = ["seed"])] public sealed partial class CollisionPipeline;
            """,
            "",
            ""
        },
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
        {
            "an output named like the Result type",
            """
            public static class Nodes
            {
                [Node(Output = "result")] public static int Compute(int seed) => seed + 1;
            }
            [Pipeline(typeof(Nodes), Inputs = ["seed"])] public sealed partial class CollisionPipeline;
            """,
            "",
            ""
        },
        {
            "a catalog input named like the Inputs type and parameter",
            """
            public static class Nodes
            {
                [Node(Output = "count")] public static int Count(string inputs) => inputs.Length;
            }
            [Pipeline(typeof(Nodes))] public sealed partial class CollisionPipeline;
            """,
            "inputs:\n  type: text\n  filepath: data/inputs.txt\n",
            ""
        },
        {
            "pipeline, node and dataset names with quotes, backslashes and XML markup (written into literals and doc comments)",
            """
            public static class Nodes
            {
                [Node(Name = "load \"raw\" <rows> & more", Output = "a<b>&\"c\\d")] public static int First(int seed) => seed + 1;
                [Node(Name = "back\\slash", Output = "total")] public static int Second([Input("a<b>&\"c\\d")] int value) => value * 2;
            }
            [Pipeline(typeof(Nodes), Name = "p \"1\" <x> & \\y", Inputs = ["seed"])] public sealed partial class CollisionPipeline;
            """,
            "",
            ""
        },
        {
            "parameter keys named like the parameters record's own members",
            """
            public static class Nodes
            {
                [Node(Output = "total")]
                public static int Total(
                    [Param("default")] int a, [Param("with_override")] int b, [Param("with_overrides")] int c,
                    [Param("overridable_paths")] int d, [Param("equality_contract")] int e) => a + b + c + d + e;
            }
            [Pipeline(typeof(Nodes))] public sealed partial class CollisionPipeline;
            """,
            "",
            "default: 1\nwith_override: 2\nwith_overrides: 3\noverridable_paths: 4\nequality_contract: 5\n"
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

        // Names also go into doc comments: every generated file's XML documentation must be well formed.
        var diagnose = TestProject.ParseOptions.WithDocumentationMode(Microsoft.CodeAnalysis.DocumentationMode.Diagnose);
        foreach (var (hintName, source) in run.Sources)
        {
            var xmlErrors = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, diagnose).GetDiagnostics()
                .Where(d => d.Id is "CS1570" or "CS1571" or "CS1572" or "CS1573" or "CS1584" or "CS1587")
                .Select(d => $"{hintName}{d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage()}")
                .ToList();
            Assert.True(xmlErrors.Count == 0, string.Join("\n", xmlErrors));
        }
    }
}
