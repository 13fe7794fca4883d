using Compiled.Analyzers.CodeFixes;
using Xunit;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>Before/after tests of the code fixes: add a catalog entry, use the closest name, add a parameter.</summary>
public sealed class CodeFixTests
{
    private const string RawCatalog = "raw:\n  type: csv\n  filepath: data/raw.csv\n";

    private static string Project(string parameters, string usings = "using Compiled;\n") => $$"""
        {{usings}}
        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean(Row[] raw, {{parameters}}) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """;

    // ------------------------------------------------------------------ CPL0001: add the entry to catalog.yml

    [Fact]
    public Task Missing_array_input_is_added_to_the_catalog_as_csv() => CodeFixAsync<AddCatalogEntryCodeFix>(
        Project("""[Input({|CPL0001:"shuttles"|})] Row[] shuttles"""),
        [(Catalog, RawCatalog)],
        Project("""[Input("shuttles")] Row[] shuttles"""),
        [(Catalog, RawCatalog + "\nshuttles:\n  type: csv\n  filepath: data/01_raw/shuttles.csv\n")]);

    [Fact]
    public Task Missing_object_input_bound_by_name_is_added_as_json_text_as_text_and_bytes_as_binary() => CodeFixAsync<AddCatalogEntryCodeFix>(
        Project("Row {|CPL0001:settings|}, string {|CPL0001:notes|}, byte[] {|CPL0001:logo|}"),
        [(Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv")],
        Project("Row settings, string notes, byte[] logo"),
        [(Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\n\nsettings:\n  type: json\n  filepath: data/01_raw/settings.json\n\nnotes:\n  type: text\n  filepath: data/01_raw/notes.txt\n\nlogo:\n  type: binary\n  filepath: data/01_raw/logo.bin\n")]);

    [Fact]
    public Task Catalog_yml_is_created_beside_the_other_conf_base_files_when_there_is_none() => CodeFixAsync<AddCatalogEntryCodeFix>(
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "total")]
            public static int Total(int[] {|CPL0001:values|}, [Param("factor")] int factor) => values.Length * factor;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Parameters, "factor: 2\n")],
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "total")]
            public static int Total(int[] values, [Param("factor")] int factor) => values.Length * factor;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Parameters, "factor: 2\n"), (Catalog, "values:\n  type: json\n  filepath: data/01_raw/values.json\n")]);

    // ------------------------------------------------------------------ CPL0001 / CPL0002: use the closest name

    [Fact]
    public Task Misspelled_input_argument_is_replaced_with_the_closest_dataset() => CodeFixAsync<UseClosestNameCodeFix>(
        """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean([Input({|CPL0001:"rwa"|})] Row[] rows) => rows;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "{|CPL0009:raw|}:\n  type: csv\n  filepath: data/raw.csv\n")],
        """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean([Input("raw")] Row[] rows) => rows;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, RawCatalog)]);

    [Fact]
    public Task Input_bound_by_a_misspelled_parameter_name_gets_an_input_attribute() => CodeFixAsync<UseClosestNameCodeFix>(
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "x_train")]
            public static double[] Split(double[] raw) => raw;

            [Node(Output = "model")]
            public static double Train(
                double[] {|CPL0001:xTrian|},
                [Param("rate")] double rate) => rate;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n"), (Parameters, "rate: 0.1\n")],
        """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "x_train")]
            public static double[] Split(double[] raw) => raw;

            [Node(Output = "model")]
            public static double Train(
                [Input("x_train")] double[] xTrian,
                [Param("rate")] double rate) => rate;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n"), (Parameters, "rate: 0.1\n")]);

    [Fact]
    public Task Added_input_attribute_is_qualified_when_Compiled_is_not_imported() => CodeFixAsync<UseClosestNameCodeFix>(
        """
        namespace Demo;

        public static class Nodes
        {
            [global::Compiled.Node(Output = "clean")]
            public static int[] Clean(int[] {|CPL0001:rwa|}) => rwa;
        }

        [global::Compiled.Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "{|CPL0009:raw|}:\n  type: json\n  filepath: data/raw.json\n")],
        """
        namespace Demo;

        public static class Nodes
        {
            [global::Compiled.Node(Output = "clean")]
            public static int[] Clean([global::Compiled.Input("raw")] int[] rwa) => rwa;
        }

        [global::Compiled.Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n")]);

    [Fact]
    public Task Misspelled_param_path_is_replaced_with_the_closest_path() => CodeFixAsync<UseClosestNameCodeFix>(
        Project("""[Param({|CPL0002:"options.limt"|})] int limit"""),
        [(Catalog, RawCatalog), (Parameters, "options:\n  limit: 3\n")],
        Project("""[Param("options.limit")] int limit"""),
        [(Catalog, RawCatalog), (Parameters, "options:\n  limit: 3\n")]);

    // ------------------------------------------------------------------ CPL0002: add the parameter to the YAML

    [Fact]
    public Task Missing_leaf_is_added_under_its_existing_parent_mapping() => CodeFixAsync<AddParameterCodeFix>(
        Project("""[Param("options.limit")] int limit, [Param({|CPL0002:"options.verbose"|})] bool verbose"""),
        [(Catalog, RawCatalog), (Parameters, "# Options of the cleaning.\noptions:\n  limit: 3  # rows\n\n# More.\n{|CPL0009:other|}: 1\n")],
        Project("""[Param("options.limit")] int limit, [Param("options.verbose")] bool verbose"""),
        [(Catalog, RawCatalog), (Parameters, "# Options of the cleaning.\noptions:\n  limit: 3  # rows\n  verbose: false\n\n# More.\n{|CPL0009:other|}: 1\n")]);

    [Fact]
    public Task Missing_record_parameter_is_appended_with_a_placeholder_for_every_member() => CodeFixAsync<AddParameterCodeFix>(
        """
        using Compiled;

        namespace Demo;

        public enum Mode { Fast, Thorough }

        public sealed record Split(double TestSize, int RandomState, string[] Features, Mode Mode, string Label = "price");

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static int[] Clean(int[] raw, [Param({|CPL0002:"model_options"|})] Split split) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n"), (Parameters, "{|CPL0009:other|}: 1")],
        """
        using Compiled;

        namespace Demo;

        public enum Mode { Fast, Thorough }

        public sealed record Split(double TestSize, int RandomState, string[] Features, Mode Mode, string Label = "price");

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static int[] Clean(int[] raw, [Param("model_options")] Split split) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [
            (Catalog, "raw:\n  type: json\n  filepath: data/raw.json\n"),
            (Parameters, "{|CPL0009:other|}: 1\nmodel_options:\n  test_size: 0.0\n  random_state: 0\n  features: []\n  mode: fast\n  label: \"\"\n"),
        ]);

    [Fact]
    public Task Missing_intermediate_mappings_are_created_in_the_first_file_that_has_the_top_level_key() => CodeFixAsync<AddParameterCodeFix>(
        Project("""[Param("training.seed")] int seed, [Param({|CPL0002:"training.schedule.warmup_steps"|})] long warmup"""),
        [(Catalog, RawCatalog), (Parameters, "{|CPL0009:general|}: true\n"), ("/0/conf/base/parameters_training.yml", "training:\n  seed: 7\n")],
        Project("""[Param("training.seed")] int seed, [Param("training.schedule.warmup_steps")] long warmup"""),
        [(Catalog, RawCatalog), (Parameters, "{|CPL0009:general|}: true\n"), ("/0/conf/base/parameters_training.yml", "training:\n  seed: 7\n  schedule:\n    warmup_steps: 0\n")]);

    [Fact]
    public Task Parameters_yml_is_created_when_the_project_has_none() => CodeFixAsync<AddParameterCodeFix>(
        Project("""[Param({|CPL0002:"threshold"|})] decimal threshold"""),
        [(Catalog, RawCatalog)],
        Project("""[Param("threshold")] decimal threshold"""),
        [(Catalog, RawCatalog), (Parameters, "threshold: 0.0\n")]);
}
