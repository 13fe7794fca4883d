using Compiled.Generators.Tests.Infrastructure;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// The attributed hot body of an in-memory run gives each node a try region of its own, whose handler names the node by a
/// constant (no step counter on the success path), for pipelines of up to <c>NodeTryRegions</c> (3) nodes; a longer one
/// keeps one region and the counter (the JIT would no longer inline it). Both compile; which node a failure names is tested in Compiled.Session.Tests.
/// </summary>
public sealed class NodeTryRegionTests
{
    private const string Nodes = """
        using Compiled;

        namespace Regions;

        public static class ThreeNodes
        {
            [Node(Output = "v1")]
            public static int N1(int v0) => v0 + 1;

            [Node(Output = "v2")]
            public static int N2(int v1) => v1 + 1;

            [Node(Output = "v3")]
            public static int N3(int v2) => v2 + 1;
        }

        public static class FourNodes
        {
            [Node(Output = "v1")]
            public static int N1(int v0) => v0 + 1;

            [Node(Output = "v2")]
            public static int N2(int v1) => v1 + 1;

            [Node(Output = "v3")]
            public static int N3(int v2) => v2 + 1;

            [Node(Output = "v4")]
            public static int N4(int v3) => v3 + 1;
        }

        public static class ShapeNodes
        {
            [Node(Output = "v1")]
            public static int N1(int v0) => v0 + 1;

            [Node(Outputs = ["pair_left", "pair_right"])]
            public static (int, string) Split(int v1) => (v1, "x");

            [Node]
            public static void Sink(int pair_left, string pair_right) { }
        }

        [Pipeline(typeof(ThreeNodes), Inputs = ["v0"])]
        public sealed partial class ThreePipeline;

        [Pipeline(typeof(FourNodes), Inputs = ["v0"])]
        public sealed partial class FourPipeline;

        [Pipeline(typeof(ShapeNodes), Inputs = ["v0"])]
        public sealed partial class ShapesPipeline;
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(TestProject.Create("Regions").WithSource("Regions.cs", Nodes)));

    [Fact]
    public void Compiles() => Run.Value.AssertCompiles();

    [Fact]
    public void Up_to_three_nodes_each_node_has_its_own_region_and_no_step_counter()
    {
        var body = HotBody("ThreePipeline");
        Assert.DoesNotContain("step", body);
        Assert.Equal(3, Count(body, "try"));
        Assert.Contains("int v1;", body);
        Assert.Contains("v1 = global::Regions.ThreeNodes.N1(v0);", body);
        Assert.Contains("throw FailRun(runId, 0, exception);", body);
        Assert.Contains("throw FailRun(runId, 2, exception);", body);
        Assert.Contains("return new Result(v3);", body);
    }

    [Fact]
    public void A_longer_pipeline_keeps_one_region_and_the_step_counter()
    {
        var body = HotBody("FourPipeline");
        Assert.Equal(1, Count(body, "try"));
        Assert.Contains("var step = 0;", body);
        Assert.Contains("step = 3;", body);
        Assert.Contains("throw FailRun(runId, step, exception);", body);
    }

    [Fact]
    public void Two_outputs_and_no_output_take_their_own_region_too()
    {
        var body = HotBody("ShapesPipeline");
        Assert.Contains("int pairLeft;", body);
        Assert.Contains("string pairRight;", body);
        Assert.Contains("(pairLeft, pairRight) = global::Regions.ShapeNodes.Split(v1);", body);
        Assert.Contains("global::Regions.ShapeNodes.Sink(pairLeft, pairRight);", body);
        Assert.Contains("throw FailRun(runId, 2, exception);", body);
    }

    private static string HotBody(string pipeline)
    {
        var source = Run.Value.Source($"Regions.{pipeline}.g.cs");
        var start = source.IndexOf("public Result Run(", StringComparison.Ordinal);
        var end = source.IndexOf("private Result RunObserved(", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"No Run/RunObserved in {pipeline}:\n{source}");
        return source[start..end];
    }

    private static int Count(string text, string word) =>
        System.Text.RegularExpressions.Regex.Matches(text, $@"^\s*{word}$", System.Text.RegularExpressions.RegexOptions.Multiline).Count;
}
