using Compiled.Generators.Tests.Infrastructure;
using Xunit;

namespace Compiled.Generators.Tests;

/// <summary>
/// The attributed hot body of an in-memory run gives each node a try region of its own, whose handler names the node by a
/// constant (no step counter on the success path), for pipelines of up to <c>NodeTryRegions</c> (16) nodes; a longer one
/// keeps one region and the counter. Both compile; which node a failure names is tested in Compiled.Session.Tests.
/// </summary>
public sealed class NodeTryRegionTests
{
    private const string Nodes = """
        using Compiled;

        namespace Regions;

        public static class SixteenNodes
        {
            [Node(Output = "v1")]
            public static int N1(int v0) => v0 + 1;

            [Node(Output = "v2")]
            public static int N2(int v1) => v1 + 1;

            [Node(Output = "v3")]
            public static int N3(int v2) => v2 + 1;

            [Node(Output = "v4")]
            public static int N4(int v3) => v3 + 1;

            [Node(Output = "v5")]
            public static int N5(int v4) => v4 + 1;

            [Node(Output = "v6")]
            public static int N6(int v5) => v5 + 1;

            [Node(Output = "v7")]
            public static int N7(int v6) => v6 + 1;

            [Node(Output = "v8")]
            public static int N8(int v7) => v7 + 1;

            [Node(Output = "v9")]
            public static int N9(int v8) => v8 + 1;

            [Node(Output = "v10")]
            public static int N10(int v9) => v9 + 1;

            [Node(Output = "v11")]
            public static int N11(int v10) => v10 + 1;

            [Node(Output = "v12")]
            public static int N12(int v11) => v11 + 1;

            [Node(Output = "v13")]
            public static int N13(int v12) => v12 + 1;

            [Node(Output = "v14")]
            public static int N14(int v13) => v13 + 1;

            [Node(Output = "v15")]
            public static int N15(int v14) => v14 + 1;

            [Node(Output = "v16")]
            public static int N16(int v15) => v15 + 1;
        }

        public static class SeventeenNodes
        {
            [Node(Output = "v1")]
            public static int N1(int v0) => v0 + 1;

            [Node(Output = "v2")]
            public static int N2(int v1) => v1 + 1;

            [Node(Output = "v3")]
            public static int N3(int v2) => v2 + 1;

            [Node(Output = "v4")]
            public static int N4(int v3) => v3 + 1;

            [Node(Output = "v5")]
            public static int N5(int v4) => v4 + 1;

            [Node(Output = "v6")]
            public static int N6(int v5) => v5 + 1;

            [Node(Output = "v7")]
            public static int N7(int v6) => v6 + 1;

            [Node(Output = "v8")]
            public static int N8(int v7) => v7 + 1;

            [Node(Output = "v9")]
            public static int N9(int v8) => v8 + 1;

            [Node(Output = "v10")]
            public static int N10(int v9) => v9 + 1;

            [Node(Output = "v11")]
            public static int N11(int v10) => v10 + 1;

            [Node(Output = "v12")]
            public static int N12(int v11) => v11 + 1;

            [Node(Output = "v13")]
            public static int N13(int v12) => v12 + 1;

            [Node(Output = "v14")]
            public static int N14(int v13) => v13 + 1;

            [Node(Output = "v15")]
            public static int N15(int v14) => v14 + 1;

            [Node(Output = "v16")]
            public static int N16(int v15) => v15 + 1;

            [Node(Output = "v17")]
            public static int N17(int v16) => v16 + 1;
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

        [Pipeline(typeof(SixteenNodes), Inputs = ["v0"])]
        public sealed partial class SixteenPipeline;

        [Pipeline(typeof(SeventeenNodes), Inputs = ["v0"])]
        public sealed partial class SeventeenPipeline;

        [Pipeline(typeof(ShapeNodes), Inputs = ["v0"])]
        public sealed partial class ShapesPipeline;
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(TestProject.Create("Regions").WithSource("Regions.cs", Nodes)));

    [Fact]
    public void Compiles() => Run.Value.AssertCompiles();

    [Fact]
    public void Up_to_sixteen_nodes_each_node_has_its_own_region_and_no_step_counter()
    {
        var body = HotBody("SixteenPipeline");
        Assert.DoesNotContain("step", body);
        Assert.Equal(16, Count(body, "try"));
        Assert.Contains("int v1;", body);
        Assert.Contains("v1 = global::Regions.SixteenNodes.N1(v0);", body);
        Assert.Contains("throw FailRun(runId, 0, exception);", body);
        Assert.Contains("throw FailRun(runId, 15, exception);", body);
        Assert.Contains("return new Result(v16);", body);
    }

    [Fact]
    public void A_longer_pipeline_keeps_one_region_and_the_step_counter()
    {
        var body = HotBody("SeventeenPipeline");
        Assert.Equal(1, Count(body, "try"));
        Assert.Contains("var step = 0;", body);
        Assert.Contains("step = 16;", body);
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
