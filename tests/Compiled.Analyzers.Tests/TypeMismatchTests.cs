using Xunit;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>CPL0003: producer and consumer of a dataset disagree on its type, or a YAML value does not fit the C# type it binds to.</summary>
public sealed class TypeMismatchTests
{
    [Fact]
    public Task Consumer_of_a_catalog_dataset_with_another_type_than_its_producer_is_reported_at_both() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static int[] {|#1:Clean|}(int[] raw) => raw;

            [Node(Output = "total")]
            public static int Total([Input("clean")] string[] {|#0:values|}) => values.Length;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: json\n  filepath: data/raw.json\nclean:\n  type: json\n  filepath: data/clean.json\n")],
        [Diagnostic("CPL0003").WithLocation(0).WithLocation(1)
            .WithArguments("dataset 'clean' is 'string[]' in node 'total' but 'int[]' in node 'clean'")]);

    [Fact]
    public Task Consumer_of_an_in_memory_intermediate_with_another_type_than_its_producer_is_reported() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static int[] {|#1:Clean|}(int[] raw) => raw;

            [Node(Output = "total")]
            public static int Total(string[] {|#0:clean|}) => clean.Length;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n")],
        [Diagnostic("CPL0003").WithLocation(0).WithLocation(1)
            .WithArguments("dataset 'clean' is 'string[]' in node 'total' but 'int[]' in node 'clean'")]);

    [Fact]
    public Task Yaml_value_that_does_not_fit_the_param_type_is_reported_on_the_parameter_and_the_value() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "top")]
            public static int[] Top(int[] raw, [Param("options.limit")] int {|#0:limit|}) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n"), (Parameters, "options:\n  limit: {|#1:lots|}\n")],
        [Diagnostic("CPL0003").WithLocation(0).WithLocation(1)
            .WithArguments($"parameter 'options.limit' ({Parameters}:2) value 'lots' is not a valid int")]);

    [Fact]
    public Task Yaml_mapping_with_a_key_the_record_lacks_is_reported() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Options(int Limit);

        public static class Nodes
        {
            [Node(Output = "top")]
            public static int[] Top(int[] raw, [Param("options")] Options {|#0:options|}) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n"), (Parameters, "options:\n  limit: 3\n  depth: {|#1:2|}\n")],
        [Diagnostic("CPL0003").WithLocation(0).WithLocation(1)
            .WithArguments($"parameter 'options' ({Parameters}:3) has key 'depth' but 'Demo.Options' has no member for it")]);

    [Fact]
    public Task Matching_types_and_values_are_not_reported() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Options(int Limit, double Ratio, string[] Features, bool Verbose = false);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static int[] Clean(int[] raw, [Param("options")] Options options) => raw;

            [Node(Output = "total")]
            public static int Total(int[] clean, [Param("options.limit")] int limit) => clean.Length;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        (Catalog, "raw:\n  type: json\n  filepath: data/raw.json\nclean:\n  type: json\n  filepath: data/clean.json\n"),
        (Parameters, "options:\n  limit: 3\n  ratio: 0.5\n  features: [a, b]\n"));
}
