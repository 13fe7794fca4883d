using Xunit;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>
/// CPL0017 and the environment catalogs: <c>conf/&lt;env&gt;/catalog*.yml</c> are checked at build time against
/// <c>conf/base</c> (the session refuses the same at creation).
/// </summary>
public sealed class EnvironmentCatalogTests
{
    private const string Prod = "/0/conf/prod/catalog.yml";

    private const string Nodes = """
        using Compiled;

        namespace Demo;

        public static class Nodes
        {
            [Node(Output = "notes")]
            public static string Write(string raw) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """;

    private const string Base = "raw:\n  type: text\n  filepath: data/raw.txt\nnotes:\n  type: text\n  filepath: data/notes.txt\n";

    [Fact]
    public Task A_type_changed_by_an_environment_is_reported_on_its_type_value() => AnalyzerAsync(
        Nodes,
        [(Catalog, Base), (Prod, "notes:\n  filepath: /srv/notes.txt\n  type: {|#0:json|}\n")],
        [Diagnostic("CPL0017").WithLocation(0).WithArguments("notes", "prod", "text", "json")]);

    [Fact]
    public Task A_misspelt_type_in_an_environment_is_reported() => AnalyzerAsync(
        Nodes,
        [(Catalog, Base), (Prod, "raw:\n  type: {|#0:txt|}\n")],
        [Diagnostic("CPL0017").WithLocation(0).WithArguments("raw", "prod", "text", "txt")]);

    [Fact]
    public Task An_environment_that_repeats_the_type_and_changes_values_is_not_reported() => AnalyzerAsync(
        Nodes,
        (Catalog, Base), (Prod, "notes:\n  type: text\n  filepath: /srv/notes.txt\nonly_here:\n  type: json\n  filepath: x.json\n"));

    private const string PartitionedNodes = """
        using Compiled;
        using Compiled.Datasets;

        namespace Demo;

        public sealed class Reading
        {
            public int Id { get; set; }
        }

        public static class Nodes
        {
            [Node(Output = "count")]
            public static int Count(Partitions<Reading[]> readings) => readings.Count;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """;

    private const string PartitionedBase = "readings:\n  type: partitioned\n  path: data/readings\n  dataset:\n    type: csv\n";

    [Fact]
    public Task An_environment_that_changes_the_type_of_a_partitioned_entrys_files_is_reported_on_it() => AnalyzerAsync(
        PartitionedNodes,
        [(Catalog, PartitionedBase), (Prod, "readings:\n  path: s3://bucket/readings\n  dataset:\n    type: {|#0:parquet|}\n")],
        [Diagnostic("CPL0017").WithLocation(0).WithArguments("readings", "prod", "partitioned of csv", "partitioned of parquet")]);

    [Fact]
    public Task An_environment_that_gives_a_partitioned_entrys_files_as_a_scalar_of_another_type_is_reported() => AnalyzerAsync(
        PartitionedNodes,
        [(Catalog, PartitionedBase), (Prod, "readings:\n  type: partitioned\n  dataset: {|#0:json|}\n")],
        [Diagnostic("CPL0017").WithLocation(0).WithArguments("readings", "prod", "partitioned of csv", "partitioned of json")]);

    [Fact]
    public Task An_environment_that_keeps_a_partitioned_entrys_file_type_in_kedros_name_and_moves_it_is_not_reported() => AnalyzerAsync(
        PartitionedNodes,
        (Catalog, PartitionedBase), (Prod, "readings:\n  path: abfs://data/readings\n  credentials: cloud\n  dataset:\n    type: pandas.CSVDataset\n    load_args: { sep: ';' }\n"));

    [Fact]
    public Task A_runtime_value_in_an_environments_sql_text_is_reported() => AnalyzerAsync(
        Nodes,
        [(Catalog, Base), (Prod, "orders:\n  type: sql\n  connection: db\n  query: {|#0:SELECT * FROM t WHERE c = '${runtime:c}'|}\n")],
        [Diagnostic("CPL0016").WithLocation(0).WithArguments("${runtime:c}", "orders", "query",
            "SQL text never takes a runtime value: bind it as a query parameter instead, " +
            "e.g. 'WHERE customer = @customer' with 'parameters: { customer: \"${runtime:customer}\" }'")]);

    [Fact]
    public Task An_environment_file_that_does_not_parse_is_reported() => AnalyzerAsync(
        Nodes,
        [(Catalog, Base), (Prod, "notes:\n  type: text\n  {|#0:type|}: text\n")],
        [Diagnostic("CPL0006").WithLocation(0).WithArguments("conf/prod/catalog.yml", "the key 'type' appears twice in the same mapping")]);
}
