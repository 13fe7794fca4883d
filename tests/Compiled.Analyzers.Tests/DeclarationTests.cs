using Xunit;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>CPL0008 (a node or pipeline the generator cannot compile) and CPL0012 (duplicate names).</summary>
public sealed class DeclarationTests
{
    private const string RawCatalog = "raw:\n  type: json\n  filepath: data/raw.json\n";

    private static string Project(string members, string pipeline = "[Pipeline(typeof(Nodes))]\npublic sealed partial class DefaultPipeline;") => $$"""
        using Compiled;
        using System.Threading.Tasks;

        namespace Demo;

        public static class Nodes
        {
        {{members}}
        }

        {{pipeline}}
        """;

    [Fact]
    public Task Instance_node_is_reported_on_the_method() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed class Nodes
        {
            [Node(Output = "clean")]
            public int[] {|#0:Clean|}(int[] raw) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, RawCatalog)],
        [Diagnostic("CPL0008").WithLocation(0).WithArguments("Clean", "node methods must be static")]);

    [Fact]
    public Task Generic_node_is_reported() => AnalyzerAsync(
        Project("""
                [Node(Output = "clean")]
                public static T[] {|#0:Clean|}<T>(T[] raw) => raw;
            """),
        [(Catalog, RawCatalog)],
        [Diagnostic("CPL0008").WithLocation(0).WithArguments("Clean", "node methods cannot be generic")]);

    [Fact]
    public Task Ref_parameter_is_reported() => AnalyzerAsync(
        Project("""
                [Node(Output = "clean")]
                public static int[] {|#0:Clean|}(ref int[] raw) => raw;
            """),
        [(Catalog, RawCatalog)],
        [Diagnostic("CPL0008").WithLocation(0).WithArguments("Clean", "parameter 'raw' is passed by reference")]);

    [Fact]
    public Task Parameter_and_result_a_pipeline_cannot_hold_are_reported() => AnalyzerAsync(
        Project("""
                [Node(Output = "clean")]
                public static System.ReadOnlySpan<int> {|#0:Clean|}(System.Span<int> raw) => raw;
            """),
        [(Catalog, RawCatalog)],
        [Diagnostic("CPL0008").WithLocation(0).WithArguments("Clean", "parameter 'raw' is of type 'System.Span<int>', which a pipeline cannot hold between nodes"),
         Diagnostic("CPL0008").WithLocation(0).WithArguments("Clean", "it returns 'System.ReadOnlySpan<int>', which a pipeline cannot hold between nodes")]);

    [Fact]
    public Task Output_count_that_differs_from_the_tuple_arity_is_reported() => AnalyzerAsync(
        Project("""
                [Node(Outputs = ["a", "b", "c"])]
                public static (int[], int[]) {|#0:Split|}(int[] raw) => (raw, raw);
            """),
        [(Catalog, RawCatalog)],
        [Diagnostic("CPL0008").WithLocation(0).WithArguments("Split", "it declares 3 outputs but returns a tuple of 2")]);

    [Fact]
    public Task Value_returned_without_an_output_is_reported() => AnalyzerAsync(
        Project("""
                [Node]
                public static int {|#0:Count|}(int[] raw) => raw.Length;
            """),
        [(Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n")],
        [Diagnostic("CPL0008").WithLocation(0).WithArguments("Count", "it returns a value but declares no Output (or Outputs for a tuple)")]);

    [Fact]
    public Task Pipeline_that_is_not_partial_is_reported_on_the_class() => AnalyzerAsync(
        Project(
            """
                [Node(Output = "clean")]
                public static int[] Clean(int[] raw) => raw;
            """,
            "[Pipeline(typeof(Nodes))]\npublic sealed class {|#0:DefaultPipeline|};"),
        [(Catalog, RawCatalog)],
        [Diagnostic("CPL0008").WithLocation(0).WithArguments("DefaultPipeline", "a [Pipeline] class must be a non-static, non-generic, top-level partial class")]);

    [Fact]
    public Task Pipeline_of_a_class_without_nodes_is_reported() => AnalyzerAsync(
        Project(
            """
                [Node(Output = "clean")]
                public static int[] Clean(int[] raw) => raw;
            """,
            "public static class Helpers;\n\n[Pipeline(typeof(Nodes), typeof(Helpers))]\npublic sealed partial class {|#0:DefaultPipeline|};"),
        [(Catalog, RawCatalog)],
        [Diagnostic("CPL0008").WithLocation(0).WithArguments("DefaultPipeline", "'Demo.Helpers' has no [Node] methods")]);

    [Fact]
    public Task Supported_shapes_are_not_reported() => AnalyzerAsync(
        Project("""
                [Node(Output = "clean")]
                public static int[] Clean(int[] raw) => raw;

                [Node(Outputs = ["low", "high"])]
                public static (int[] Low, int[] High) Split(int[] clean) => (clean, clean);

                [Node(Output = "total")]
                public static async Task<int> TotalAsync(int[] low, System.Threading.CancellationToken cancellationToken) { await Task.Yield(); return low.Length; }

                [Node]
                public static void Log(int[] high) { }

                [Node]
                internal static ValueTask Flush(int total) => default;
            """),
        (Catalog, RawCatalog));

    [Fact]
    public Task Nodes_with_the_same_name_are_reported_on_each() => AnalyzerAsync(
        Project("""
                [Node(Name = "clean", Output = "a")]
                public static int[] {|#0:CleanA|}(int[] raw) => raw;

                [Node(Name = "clean", Output = "b")]
                public static int[] {|#1:CleanB|}(int[] raw) => raw;
            """),
        [(Catalog, RawCatalog)],
        [
            Diagnostic("CPL0012").WithLocation(0).WithArguments("node", "clean"),
            Diagnostic("CPL0012").WithLocation(1).WithArguments("node", "clean"),
        ]);

    [Fact]
    public Task Pipelines_with_the_same_name_are_reported_on_each() => AnalyzerAsync(
        Project(
            """
                [Node(Output = "clean")]
                public static int[] Clean(int[] raw) => raw;
            """,
            "[Pipeline(typeof(Nodes))]\npublic sealed partial class {|#0:DefaultPipeline|};\n\n[Pipeline(typeof(Nodes), Name = \"default\")]\npublic sealed partial class {|#1:MainPipeline|};"),
        [(Catalog, RawCatalog)],
        [
            Diagnostic("CPL0012").WithLocation(0).WithArguments("pipeline", "default"),
            Diagnostic("CPL0012").WithLocation(1).WithArguments("pipeline", "default"),
        ]);

    [Fact]
    public Task Catalog_entry_defined_in_two_catalog_files_is_reported_on_the_second() => AnalyzerAsync(
        Project("""
                [Node(Output = "clean")]
                public static int[] Clean(int[] raw) => raw;
            """),
        [(Catalog, RawCatalog), ("/0/conf/base/catalog_more.yml", "{|#0:raw|}:\n  type: json\n  filepath: data/raw2.json\n")],
        [Diagnostic("CPL0012").WithLocation(0).WithArguments("catalog entry", "raw")]);

    [Fact]
    public Task Distinct_names_are_not_reported() => AnalyzerAsync(
        Project(
            """
                [Node(Output = "a")]
                public static int[] CleanA(int[] raw) => raw;

                [Node(Name = "clean_b_renamed", Output = "b")]
                public static int[] CleanB(int[] raw) => raw;
            """,
            "[Pipeline(typeof(Nodes))]\npublic sealed partial class DefaultPipeline;\n\n[Pipeline(typeof(Nodes))]\npublic sealed partial class MainPipeline;"),
        (Catalog, RawCatalog), ("/0/conf/base/catalog_more.yml", "a:\n  type: memory\n"), ("/0/conf/base/unrelated.yml", "raw: 1\n"));
}
