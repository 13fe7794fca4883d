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

    [Theory]
    [InlineData("raw:\n  type: json\n  filepath: data/raw.json\n")] // count stays in memory
    [InlineData("raw:\n  type: json\n  filepath: data/raw.json\ncount:\n  type: json\n  filepath: data/count.json\n")]
    public Task Nullable_value_read_as_its_underlying_type_is_reported_at_the_consumer(string catalog) => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "count")]
            public static int? {|#1:Count|}(int[] raw) => raw.Length == 0 ? null : raw.Length;

            [Node(Output = "doubled")]
            public static int Double(int {|#0:count|}) => count * 2;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, catalog)],
        [Diagnostic("CPL0003").WithLocation(0).WithLocation(1)
            .WithArguments("dataset 'count' is 'int' in node 'double' but 'int?' in node 'count', which may be null: read it as 'int?'")]);

    [Fact]
    public Task Nullable_reference_read_as_non_nullable_under_nullable_enable_is_a_CPL0018_warning() => AnalyzerAsync(
        """
        #nullable enable
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "name")]
            public static string? {|#1:FindName|}(string[] raw) => raw.Length == 0 ? null : raw[0];

            [Node(Output = "greeting")]
            public static string Greet(string {|#0:name|}) => "Hello " + name;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n")],
        [Diagnostic("CPL0018").WithLocation(0).WithLocation(1).WithArguments("name", "greet", "string", "string?", "find_name")]);

    [Fact]
    public Task Nested_nullable_annotations_that_differ_are_a_CPL0018_warning() => AnalyzerAsync(
        """
        #nullable enable
        using System.Collections.Generic;
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "names")]
            public static List<string?> {|#1:Names|}(string[] raw) => new(raw);

            [Node(Output = "count")]
            public static int Count(List<string> {|#0:names|}) => names.Count;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n")],
        [Diagnostic("CPL0018").WithLocation(0).WithLocation(1)
            .WithArguments("names", "count", "global::System.Collections.Generic.List<string>", "global::System.Collections.Generic.List<string?>", "names")]);

    [Fact]
    public Task Nullable_reference_read_where_annotations_are_disabled_or_as_nullable_is_not_reported() => AnalyzerAsync(
        """
        #nullable enable
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "name")]
            public static string? FindName(string[] raw) => raw.Length == 0 ? null : raw[0];

            [Node(Output = "greeting")]
            public static string Greet(string? name) => "Hello " + name;
        #nullable disable
            [Node(Output = "length")]
            public static int Length(string name) => name.Length;
        #nullable enable
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        (Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n"));

    [Fact]
    public Task Implicit_conversions_are_accepted_list_as_read_only_list_derived_as_base_int_as_long_tuple_names_ignored() => AnalyzerAsync(
        """
        #nullable enable
        using System.Collections.Generic;
        using Compiled;

        namespace Demo;

        public record Animal(string Name);

        public sealed record Dog(string Name, string Breed) : Animal(Name);

        public static class Nodes
        {
            [Node(Output = "numbers")]
            public static List<int> Numbers(int[] raw) => new(raw);

            [Node(Output = "count")]
            public static int Count(IReadOnlyList<int> numbers) => numbers.Count;

            [Node(Output = "big")]
            public static long Big(long count) => count;

            [Node(Output = "dog")]
            public static Dog Fetch() => new("Rex", "collie");

            [Node(Output = "dogs")]
            public static List<Dog> Pack(Dog dog) => [dog];

            [Node(Output = "pair")]
            public static (int Count, string? Label) Pair() => (1, null);

            [Node(Output = "greeting")]
            public static string Greet(Animal dog, IEnumerable<Animal> dogs, long? big, object count, (int, string?) pair) => dog.Name;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        (Catalog, "raw:\n  type: json\n  filepath: data/raw.json\ndog:\n  type: json\n  filepath: data/dog.json\n"));

    [Fact]
    public Task User_defined_implicit_conversion_is_not_accepted() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Meters(double Value)
        {
            public static implicit operator double(Meters meters) => meters.Value;
        }

        public static class Nodes
        {
            [Node(Output = "distance")]
            public static Meters {|#1:Measure|}() => new(3);

            [Node(Output = "doubled")]
            public static double Double(double {|#0:distance|}) => distance * 2;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [],
        [Diagnostic("CPL0003").WithLocation(0).WithLocation(1)
            .WithArguments("dataset 'distance' is 'double' in node 'double' but 'global::Demo.Meters' in node 'measure'")]);

    [Fact]
    public Task Readers_of_an_entry_no_node_writes_agree_on_the_type_they_all_accept_in_any_order() => AnalyzerAsync(
        """
        using System.Collections.Generic;
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "total")]
            public static int Total(IReadOnlyList<int> raw) => raw.Count;

            [Node(Output = "first")]
            public static int First(int[] raw) => raw[0];

            [Node(Output = "any")]
            public static bool Any(IEnumerable<int> raw) => true;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        (Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n"));

    [Fact]
    public Task Artifact_whose_entry_uses_a_runtime_value_is_reported_at_the_value_and_the_pipeline() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Model(double Slope);

        public static class Inference
        {
            [Node(Output = "price")]
            public static double Predict(Model model, double features) => model.Slope * features;
        }

        [Pipeline(typeof(Inference), Inputs = ["features"], Artifacts = ["model"])]
        public sealed partial class {|#1:PredictPipeline|};
        """,
        [(Catalog, "model:\n  type: json\n  filepath: {|#0:data/${runtime:version}/model.json|}\n")],
        [Diagnostic("CPL0011").WithLocation(0).WithLocation(1).WithArguments("${runtime:version}", "model",
            "pipeline 'predict' loads 'model' as an artifact, once per session, so no run's value reaches it; use a literal or ${globals:…} there, or remove 'model' from the pipeline's Artifacts")]);

    [Theory]
    [InlineData("IReadOnlyList<int>", false)]
    [InlineData("int[]", true)]
    public Task Types_of_a_dataset_renamed_by_an_include_are_checked_after_the_rename(string readAs, bool reported) => AnalyzerAsync(
        $$"""
        using System.Collections.Generic;
        using Compiled;

        namespace Demo;

        public static class Source
        {
            [Node(Output = "numbers")]
            public static List<int> {|#1:Numbers|}() => [1, 2];
        }

        public static class Scoring
        {
            [Node(Output = "score")]
            public static int Score({{readAs}} {|#0:values|}) => 0;
        }

        [Pipeline(typeof(Source))]
        [Include(typeof(Scoring), Namespace = "eval", Inputs = ["values=numbers"])]
        public sealed partial class DefaultPipeline;
        """,
        [],
        reported
            ? [Diagnostic("CPL0003").WithLocation(0).WithLocation(1)
                .WithArguments("dataset 'numbers' is 'int[]' in node 'eval.score' but 'global::System.Collections.Generic.List<int>' in node 'numbers'")]
            : []);
}
