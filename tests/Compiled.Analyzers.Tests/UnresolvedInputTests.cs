using Xunit;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>CPL0001: a node input that no catalog entry, node output or declared runtime input provides.</summary>
public sealed class UnresolvedInputTests
{
    private const string RawCatalog = "raw:\n  type: csv\n  filepath: data/raw.csv\n";
    private const string UnusedRawCatalog = "{|CPL0009:raw|}:\n  type: csv\n  filepath: data/raw.csv\n";

    [Fact]
    public Task Misspelled_input_attribute_is_reported_on_the_argument_with_a_suggestion() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean([Input({|#0:"rwa"|})] Row[] rows) => rows;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, UnusedRawCatalog)],
        [Diagnostic("CPL0001").WithLocation(0).WithArguments("Node 'clean'", "rwa", "Did you mean 'raw'?")]);

    [Fact]
    public Task Input_bound_by_parameter_name_is_reported_on_the_parameter() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean(Row[] {|#0:rwa|}) => rwa;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, UnusedRawCatalog)],
        [Diagnostic("CPL0001").WithLocation(0).WithArguments("Node 'clean'", "rwa", "Did you mean 'raw'?")]);

    [Fact]
    public Task Input_with_no_close_name_says_how_to_provide_it() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "report")]
            public static string Report([Input({|#0:"quarterly_figures"|})] string figures) => figures;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, UnusedRawCatalog)],
        [Diagnostic("CPL0001").WithLocation(0).WithArguments("Node 'report'", "quarterly_figures",
            "Add it to conf/base/catalog.yml, produce it with a node, or declare it in the pipeline's Inputs.")]);

    [Fact]
    public Task Artifact_that_is_not_a_catalog_entry_is_reported_on_the_artifacts_string() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean(Row[] raw) => raw;
        }

        [Pipeline(typeof(Nodes), Artifacts = [{|#0:"rwa"|}])]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, RawCatalog)],
        [Diagnostic("CPL0001").WithLocation(0).WithArguments("Pipeline 'default' (Artifacts)", "rwa", "Did you mean 'raw'? Artifacts must be catalog entries.")]);

    [Fact]
    public Task Inputs_from_the_catalog_a_node_output_or_the_pipeline_inputs_are_provided() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean([Input("raw")] Row[] rows) => rows;

            [Node(Output = "joined")]
            public static Row[] Join(Row[] clean, [Input("extra")] Row[] more) => clean;
        }

        [Pipeline(typeof(Nodes), Inputs = ["extra"])]
        public sealed partial class DefaultPipeline;
        """,
        (Catalog, RawCatalog));
}
