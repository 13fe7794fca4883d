using Xunit;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>CPL0006 (YAML that does not parse), CPL0007 (invalid catalog entry), CPL0009 (unused) and CPL0010 (dataset type that cannot carry the C# type).</summary>
public sealed class ConfigurationTests
{
    private const string Nodes = """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean(Row[] raw, [Param("options.limit")] int limit) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """;

    private const string GoodParameters = "options:\n  limit: 3\n";

    [Fact]
    public Task Unclosed_flow_sequence_is_reported_at_its_line_and_column_in_the_yaml() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: [data/raw.csv\n{|#0:|}"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0006").WithLocation(0).WithArguments("conf/base/catalog.yml", "While parsing a flow sequence, did not find expected ',' or ']'.")]);

    [Fact]
    public Task Unclosed_flow_sequence_in_the_middle_of_a_file_says_what_is_wrong_where_it_starts() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\nother:\n  type: csv\n  filepath: {|#0:|}[data/other.csv\nlast:\n  type: csv\n"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0006").WithLocation(0).WithArguments("conf/base/catalog.yml",
            "the '[' or '{' that starts here is never closed: close it, or quote the value if the bracket is text")]);

    [Fact]
    public Task Bad_indentation_is_reported_in_the_parameters_file() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\n"), (Parameters, "options:\n  limit: 3\n {|#0:|}depth: 2\n")],
        [Diagnostic("CPL0006").WithLocation(0).WithArguments("conf/base/parameters.yml", "this line is not indented like the keys above it: indent it like them, or under a key that ends in ':'")]);

    [Fact]
    public Task Duplicate_key_is_reported_at_the_second_key() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\n{|#0:raw|}:\n  type: json\n"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0006").WithLocation(0).WithArguments("conf/base/catalog.yml", "the key 'raw' appears twice in the same mapping")]);

    [Fact]
    public Task Duplicate_key_inside_an_entry_is_reported_at_the_second_key() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\n  {|#0:type|}: json\n"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0006").WithLocation(0).WithArguments("conf/base/catalog.yml", "the key 'type' appears twice in the same mapping")]);

    [Fact]
    public Task The_same_key_in_different_mappings_is_not_a_duplicate() => AnalyzerAsync(
        Nodes,
        (Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\nclean:\n  type: csv\n  filepath: data/clean.csv\n"),
        (Parameters, "options:\n  limit: 3\n  nested:\n    limit: 4\n"));

    [Fact]
    public Task Keys_written_beside_a_merge_key_override_the_merged_ones_as_in_kedro() => AnalyzerAsync(
        Nodes,
        (Catalog, "_defaults: &defaults\n  type: jsno\n  filepath: data/default.csv\nraw:\n  <<: *defaults\n  type: csv\n  filepath: data/raw.csv\n"),
        (Parameters, GoodParameters));

    [Fact]
    public Task Merged_keys_are_read_when_not_overridden() => AnalyzerAsync(
        Nodes,
        [(Catalog, "_defaults: &defaults\n  type: {|#0:jsno|}\nraw:\n  <<: *defaults\n  filepath: data/raw.csv\n"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0007").WithLocation(0).WithArguments("raw", "has an unknown type 'jsno'; did you mean 'json'?")]);

    [Fact]
    public Task A_merge_key_that_names_the_mapping_it_is_in_is_reported_not_expanded_forever() => AnalyzerAsync(
        Nodes,
        [(Catalog, "_csv: &csv\n  type: csv\n  {|#0:<<|}: *csv\nraw:\n  <<: *csv\n  filepath: data/raw.csv\n"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0006").WithLocation(0).WithArguments("conf/base/catalog.yml", "the merge key '<<' names a mapping that contains it")]);

    [Fact]
    public Task An_alias_to_a_mapping_that_contains_it_is_reported_not_expanded_forever() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw: &raw\n  type: csv\n  filepath: data/raw.csv\n  {|#0:again|}: *raw\n"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0006").WithLocation(0).WithArguments("conf/base/catalog.yml", "an alias here names a mapping or list that contains it")]);

    [Fact]
    public Task Aliases_that_expand_past_the_limit_are_reported() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\n"), (Parameters, Laughs + "options:\n  limit: 3\n")],
        [Diagnostic("CPL0006").WithSpan(Parameters, 5, 1, 5, 3).WithArguments("conf/base/parameters.yml", "the document expands to more than 100,000 values through its aliases")]);

    /// <summary>Ten levels of ten aliases each: 10^10 values once expanded ("billion laughs"); l4 (line 5) is the first past 100,000.</summary>
    private static readonly string Laughs = "l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n" + string.Concat(Enumerable.Range(1, 9).Select(i =>
        $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n"));

    [Fact]
    public Task Tab_indentation_is_reported_at_the_tab() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n{|#0:\t|}type: csv\n  filepath: data/raw.csv\n"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0006").WithLocation(0).WithArguments("conf/base/catalog.yml", "While scanning a mapping, found invalid tab as indentation.")]);

    [Fact]
    public Task Tab_after_a_scalar_value_is_reported_at_the_tab() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\n{|#0:\t|}versioned: true\n"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0006").WithLocation(0).WithArguments("conf/base/catalog.yml", "While scanning a plain scalar, found a tab character that violate indentation.")]);

    [Fact]
    public Task Document_that_is_not_a_mapping_is_reported() => AnalyzerAsync(
        Nodes,
        [(Catalog, "{|#0:|}- raw\n- clean\n"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0006").WithLocation(0).WithArguments("conf/base/catalog.yml", "the document must be a mapping of names to entries")]);

    [Fact]
    public Task Valid_yaml_with_comments_anchors_and_empty_files_is_not_reported() => AnalyzerAsync(
        Nodes,
        (Catalog, "# raw data\n_csv: &csv\n  type: csv\nraw:\n  <<: *csv\n  filepath: data/raw.csv  # the input\n"),
        (Parameters, GoodParameters),
        ("/0/conf/base/parameters_empty.yml", ""));

    [Fact]
    public Task Unknown_dataset_type_is_reported_on_the_type_value_with_a_suggestion() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: {|#0:cvs|}\n  filepath: data/raw.csv\n"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0007").WithLocation(0).WithArguments("raw", "has an unknown type 'cvs'; did you mean 'csv'?")]);

    [Fact]
    public Task Missing_filepath_is_reported_on_the_entry_key() => AnalyzerAsync(
        Nodes,
        [(Catalog, "{|#0:raw|}:\n  type: csv\n"), (Parameters, GoodParameters)],
        [Diagnostic("CPL0007").WithLocation(0).WithArguments("raw", "of type 'csv' is missing the required key 'filepath'")]);

    [Fact]
    public Task Entry_without_a_type_or_that_is_not_a_mapping_is_reported_on_its_key() => AnalyzerAsync(
        Nodes,
        [(Catalog, "{|#0:raw|}:\n  filepath: data/raw.csv\n{|#1:other|}: data/other.csv\n"), (Parameters, GoodParameters)],
        [
            Diagnostic("CPL0007").WithLocation(0).WithArguments("raw", $"has no 'type' (one of {string.Join(", ", Compiled.Generators.Building.DatasetKinds.Names)})"),
            Diagnostic("CPL0007").WithLocation(1).WithArguments("other", "must be a mapping with at least a 'type' key"),
        ]);

    [Fact]
    public Task Valid_entries_of_every_type_are_not_reported() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Outputs = ["a", "b", "c"])]
            public static (Row[], string, int) Split(Row[] raw) => (raw, "", 0);
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        (Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\na:\n  type: json\n  filepath: data/a.json\nb:\n  type: text\n  filepath: data/b.txt\nc:\n  type: memory\n"));

    [Fact]
    public Task Unused_catalog_entry_and_parameter_are_warnings_on_their_keys() => AnalyzerAsync(
        Nodes,
        (Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\n{|CPL0009:old_raw|}:\n  type: csv\n  filepath: data/old.csv\n"),
        (Parameters, GoodParameters + "{|CPL0009:legacy|}:\n  depth: 2\n"));

    [Fact]
    public Task Entries_used_as_inputs_outputs_or_artifacts_are_not_unused() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean(Row[] raw, [Param("options.limit")] int limit) => raw;
        }

        [Pipeline(typeof(Nodes), Artifacts = ["model"])]
        public sealed partial class DefaultPipeline;
        """,
        (Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\nclean:\n  type: csv\n  filepath: data/clean.csv\nmodel:\n  type: json\n  filepath: data/model.json\n"),
        (Parameters, GoodParameters));

    [Fact]
    public Task Dataset_type_that_cannot_carry_the_node_type_is_reported_on_the_yaml_key_and_the_node() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean(Row[] {|#1:raw|}) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "{|#0:raw|}:\n  type: text\n  filepath: data/raw.txt\n")],
        [Diagnostic("CPL0010").WithLocation(0).WithLocation(1).WithArguments("raw", "text", "global::Demo.Row[]", "string")]);

    [Fact]
    public Task Csv_entry_written_by_a_node_that_returns_a_single_object_is_reported() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "first")]
            public static Row {|#1:First|}(Row[] raw) => raw[0];
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\n{|#0:first|}:\n  type: csv\n  filepath: data/first.csv\n")],
        [Diagnostic("CPL0010").WithLocation(0).WithLocation(1).WithArguments("first", "csv", "global::Demo.Row", "an array of rows (T[])")]);

    /// <summary>
    /// A parquet dataset creates each row empty and fills its columns, so its rows must be a class with a public
    /// parameterless constructor: a positional record is CPL0010 at the entry and the node, not a compile error in
    /// generated code.
    /// </summary>
    [Fact]
    public Task Parquet_rows_without_a_parameterless_constructor_are_reported() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] {|#1:Clean|}(Row[] raw) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\n{|#0:clean|}:\n  type: parquet\n  filepath: data/clean.parquet\n")],
        [Diagnostic("CPL0010").WithLocation(0).WithLocation(1)
            .WithArguments("clean", "parquet", "global::Demo.Row[]", "an array of rows (T[], T a class with a public parameterless constructor)")]);

    [Fact]
    public Task Parquet_rows_of_a_class_with_a_parameterless_constructor_are_accepted() => AnalyzerAsync(
        """
        using Compiled;

        namespace Demo;

        public sealed class Row
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean(Row[] raw) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """,
        [(Catalog, "raw:\n  type: csv\n  filepath: data/raw.csv\nclean:\n  type: parquet\n  filepath: data/clean.parquet\n")],
        []);
}
