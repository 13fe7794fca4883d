using Xunit;
using static Compiled.Analyzers.Tests.Infrastructure.Verify;

namespace Compiled.Analyzers.Tests;

/// <summary>
/// CPL0011: a <c>${…}</c> in a catalog value that nothing provides. CPL0016: a <c>${runtime:…}</c> where a caller
/// could change SQL text or name any table.
/// </summary>
public sealed class InterpolationTests
{
    private const string Nodes = """
        using Compiled;

        namespace Demo;

        public sealed record Row(int Id, string Name);

        public static class Nodes
        {
            [Node(Output = "clean")]
            public static Row[] Clean(Row[] raw) => raw;
        }

        [Pipeline(typeof(Nodes))]
        public sealed partial class DefaultPipeline;
        """;

    [Fact]
    public Task Unknown_resolver_is_reported_on_the_yaml_value() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: {|#0:data/${foo:region}/raw.csv|}\n")],
        [Diagnostic("CPL0011").WithLocation(0).WithArguments("${foo:region}", "raw",
            "unknown resolver 'foo'; catalog values can use ${runtime:…} and ${globals:…}, credentials ${env:…}")]);

    [Fact]
    public Task Global_that_base_globals_do_not_define_and_has_no_default_is_reported() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: {|#0:\"${globals:paths.raw}/raw.csv\"|}\n"), (Globals, "paths:\n  intermediate: data/02\n")],
        [Diagnostic("CPL0011").WithLocation(0).WithArguments("${globals:paths.raw}", "raw",
            "define 'paths.raw' in conf/base/globals.yml or give a default: ${globals:paths.raw,default}")]);

    [Fact]
    public Task Global_is_reported_when_there_is_no_globals_file() => AnalyzerAsync(
        Nodes,
        [(Catalog, "raw:\n  type: csv\n  filepath: {|#0:${globals:root}/raw.csv|}\n")],
        [Diagnostic("CPL0011").WithLocation(0).WithArguments("${globals:root}", "raw",
            "define 'root' in conf/base/globals.yml or give a default: ${globals:root,default}")]);

    [Fact]
    public Task Runtime_values_defined_globals_and_globals_with_defaults_are_provided() => AnalyzerAsync(
        Nodes,
        (Catalog, "raw:\n  type: csv\n  filepath: ${globals:paths.raw}/${runtime:region}/${globals:tier,gold}/raw.csv\n"),
        (Globals, "paths:\n  raw: data/01_raw\n"),
        ("/0/conf/base/globals_more.yml", "unrelated: 1\n"));

    private const string Sql = "orders:\n  type: sql\n  connection: orders_db\n";

    [Fact]
    public Task Runtime_value_in_sql_text_is_reported_on_the_yaml_value() => AnalyzerAsync(
        Nodes.Replace("Row[] raw", "[Input(\"orders\")] Row[] raw"),
        [(Catalog, Sql + "  query: {|#0:\"SELECT * FROM orders WHERE customer = '${runtime:customer}'\"|}\n")],
        [Diagnostic("CPL0016").WithLocation(0).WithArguments("${runtime:customer}", "orders", "query",
            "SQL text never takes a runtime value: bind it as a query parameter instead, " +
            "e.g. 'WHERE customer = @customer' with 'parameters: { customer: \"${runtime:customer}\" }'")]);

    [Fact]
    public Task Runtime_value_bound_as_a_query_parameter_is_not_reported() => AnalyzerAsync(
        Nodes.Replace("Row[] raw", "[Input(\"orders\")] Row[] raw"),
        (Catalog, Sql + "  query: SELECT * FROM orders WHERE customer = @customer\n  parameters:\n    customer: ${runtime:customer}\n"));

    [Fact]
    public Task Runtime_table_name_without_allowed_tables_is_reported() => AnalyzerAsync(
        Nodes.Replace("Row[] raw", "[Input(\"orders\")] Row[] raw"),
        [(Catalog, "orders:\n  type: sql_table\n  connection: orders_db\n  table_name: {|#0:orders_${runtime:region}|}\n")],
        [Diagnostic("CPL0016").WithLocation(0).WithArguments("${runtime:region}", "orders", "table_name",
            "a caller could name any table: list the tables it may name, e.g. 'allowed_tables: [orders_eu, orders_us]'")]);

    [Fact]
    public Task Runtime_table_name_with_allowed_tables_is_not_reported() => AnalyzerAsync(
        Nodes.Replace("Row[] raw", "[Input(\"orders\")] Row[] raw"),
        (Catalog, "orders:\n  type: sql_table\n  connection: orders_db\n  table_name: orders_${runtime:region}\n  allowed_tables: [orders_eu, orders_us]\n"));
}
