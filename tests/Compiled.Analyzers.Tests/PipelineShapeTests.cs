using Xunit;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>CPL0004 (a dataset produced by more than one node) and CPL0005 (a cycle).</summary>
public sealed class PipelineShapeTests
{
    private const string RawCatalog = "raw:\n  type: json\n  filepath: data/raw.json\n";

    [Fact]
    public Task Dataset_produced_by_two_nodes_is_reported_at_each_producer() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static int[] {|#0:CleanA|}(int[] raw) => raw;

            [Node(Output = "clean")]
            public static int[] {|#1:CleanB|}(int[] raw) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, RawCatalog)],
        [
            Diagnostic("CPL0004").WithLocation(0).WithLocation(1).WithArguments("clean", "default", "'clean_a' and 'clean_b'"),
            Diagnostic("CPL0004").WithLocation(1).WithLocation(0).WithArguments("clean", "default", "'clean_a' and 'clean_b'"),
        ]);

    [Fact]
    public Task Same_output_in_two_different_pipelines_is_not_reported() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public static class First
        {
            [Node(Output = "clean")]
            public static int[] CleanA(int[] raw) => raw;
        }

        public static class Second
        {
            [Node(Output = "clean")]
            public static int[] CleanB(int[] raw) => raw;
        }

        [Pipeline(typeof(First))]
        public sealed partial class FirstPipeline;

        [Pipeline(typeof(Second))]
        public sealed partial class SecondPipeline;
        """,
        (Catalog, RawCatalog));

    [Fact]
    public Task Cycle_is_reported_on_each_node_in_it_with_the_cycle_in_the_message() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "a")]
            public static int {|#0:MakeA|}(int b) => b;

            [Node(Output = "b")]
            public static int {|#1:MakeB|}(int a) => a;

            [Node(Output = "report")]
            public static string Report(int a) => a.ToString();
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [],
        [
            Diagnostic("CPL0005").WithLocation(0).WithArguments("default", "make_a -> make_b -> make_a"),
            Diagnostic("CPL0005").WithLocation(1).WithArguments("default", "make_a -> make_b -> make_a"),
        ]);

    [Fact]
    public Task Node_that_reads_its_own_output_is_a_cycle() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "total")]
            public static int {|#0:Accumulate|}(int total) => total + 1;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [],
        [Diagnostic("CPL0005").WithLocation(0).WithArguments("default", "accumulate -> accumulate")]);

    [Fact]
    public Task Chain_and_diamond_are_not_cycles() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "a")]
            public static int MakeA(int[] raw) => raw.Length;

            [Node(Output = "b")]
            public static int MakeB(int a) => a;

            [Node(Output = "c")]
            public static int MakeC(int a) => a;

            [Node(Output = "d")]
            public static int MakeD(int b, int c) => b + c;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        (Catalog, RawCatalog));
}
