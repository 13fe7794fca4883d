using Compiled.Config;
using Compiled.Datasets;
using Compiled.Tests.Datasets;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Compiled.Tests.Config;

/// <summary>
/// Runtime values are untrusted input (hardening issue, findings 1–3): they never change SQL text, never name a
/// table the entry does not allow, never add a connection-string keyword and never leave the entry's directory.
/// </summary>
public sealed class RuntimeValueTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public RuntimeValueTests()
    {
        Directory.CreateDirectory(_dir.File("data"));
        using var connection = new SqliteConnection($"Data Source={_dir.File("data", "db.sqlite")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, amount REAL NOT NULL, note TEXT);
            INSERT INTO orders VALUES (1, 'alice', 10.5, NULL);
            INSERT INTO orders VALUES (2, 'bob', 20, 'gift');
            CREATE TABLE orders_eu (order_id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, amount REAL NOT NULL, note TEXT);
            """;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void A_runtime_value_in_sql_text_is_refused_before_any_query_runs()
    {
        var entry = Yaml.Dataset("customer_orders", _dir.Path,
            ("type", "sql"), ("connection_string", "Data Source=data/db.sqlite"),
            ("query", "SELECT * FROM orders WHERE customer_id = '${runtime:customer}'"));

        var error = Assert.Throws<DatasetException>(() => entry.WithRuntimeValues(("customer", "x' OR '1'='1")));

        Assert.Contains("Dataset 'customer_orders' (conf/base/catalog.yml:13:5)", error.Message);
        Assert.Contains("writes a runtime value into 'query'", error.Message);
        Assert.Contains("parameters: { customer: \"${runtime:customer}\" }", error.Message);
        Assert.DoesNotContain("OR '1'='1", error.Message);
        Assert.Equal(2L, Scalar("SELECT count(*) FROM orders"));
    }

    [Fact]
    public void A_bound_parameter_takes_any_value_as_data()
    {
        var entry = Yaml.Dataset("customer_orders", _dir.Path,
            ("type", "sql"), ("connection_string", "Data Source=data/db.sqlite"),
            ("query", "SELECT * FROM orders WHERE customer_id = @customer"),
            ("parameters", Yaml.MapAt(20, ("customer", "${runtime:customer}"))));

        var dataset = SqlQueryDataset<Order>.FromConfig(entry.WithRuntimeValues(("customer", "x' OR '1'='1")));

        Assert.Empty(dataset.Load());
        Assert.Equal("SELECT * FROM orders WHERE customer_id = @customer", dataset.Query);
    }

    [Fact]
    public void A_runtime_table_name_without_allowed_tables_is_refused()
    {
        var entry = Yaml.Dataset("orders_out", _dir.Path,
            ("type", "sql_table"), ("connection_string", "Data Source=data/db.sqlite"), ("table_name", "${runtime:table}"));

        var error = Assert.Throws<DatasetException>(() => entry.WithRuntimeValues(("table", "orders")));

        Assert.Contains("has no 'allowed_tables'", error.Message);
        Assert.Equal(2L, Scalar("SELECT count(*) FROM orders"));
    }

    [Fact]
    public void A_runtime_table_name_must_be_one_the_entry_allows()
    {
        var entry = Yaml.Dataset("orders_out", _dir.Path,
            ("type", "sql_table"), ("connection_string", "Data Source=data/db.sqlite"), ("table_name", "orders_${runtime:region}"),
            ("allowed_tables", new ConfigSequence([Yaml.Scalar("orders_eu", 15), Yaml.Scalar("orders_us", 16)], new ConfigLocation(Yaml.File, 14, 5))));

        var refused = Assert.Throws<RuntimeValueException>(() => entry.WithRuntimeValues(("region", "x; DROP TABLE orders")));
        var allowed = SqlTableDataset<Order>.FromConfig(entry.WithRuntimeValues(("region", "eu")));
        allowed.Save([new Order(7, "carol", 1, null)]);

        Assert.Equal("region", refused.ValueName);
        Assert.Contains("'allowed_tables' does not list (it lists: orders_eu, orders_us)", refused.Message);
        Assert.Equal("orders_eu", allowed.TableName);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM orders_eu"));
        Assert.Equal(2L, Scalar("SELECT count(*) FROM orders"));
    }

    [Theory]
    [InlineData("../../escaped", "contains a path separator")]
    [InlineData("..", "is '.' or '..'")]
    [InlineData("/tmp/x", "contains a path separator")]
    [InlineData("..\\..\\win", "contains a path separator")]
    [InlineData("C:", "not allowed in file names")]
    [InlineData("eu\0", "contains a control character")]
    [InlineData("", "is empty")]
    [InlineData(" eu", "white space")]
    public void A_path_value_must_be_one_segment(string value, string problem)
    {
        var entry = Yaml.Dataset("report", _dir.Path, ("type", "text"), ("filepath", "data/out/${runtime:region}/x.txt"));

        var error = Assert.Throws<RuntimeValueException>(() => entry.WithRuntimeValues(("region", value)));

        Assert.Equal(("report", "region"), (error.DatasetName, error.ValueName));
        Assert.Contains("Dataset 'report' (conf/base/catalog.yml:12:5): the runtime value 'region' is written into 'filepath'", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain(_dir.AllFiles(), f => !f.StartsWith("data", StringComparison.Ordinal));
    }

    [Fact]
    public void A_path_value_that_is_one_segment_is_written_under_the_entrys_directory()
    {
        var entry = Yaml.Dataset("report", _dir.Path, ("type", "text"), ("filepath", "data/out/${runtime:region}/x.txt"));

        var dataset = TextDataset.FromConfig(entry.WithRuntimeValues(("region", "eu..west")));
        dataset.Save("hello");

        Assert.Equal(_dir.File("data", "out", "eu..west", "x.txt"), dataset.FilePath);
        Assert.Equal("hello", File.ReadAllText(_dir.File("data", "out", "eu..west", "x.txt")));
    }

    [Fact]
    public void A_template_that_climbs_after_a_runtime_value_is_refused()
    {
        var entry = Yaml.Dataset("report", _dir.Path, ("type", "text"), ("filepath", "data/out/${runtime:region}/../../../x.txt"));

        var error = Assert.Throws<DatasetException>(() => entry.WithRuntimeValues(("region", "eu")));

        Assert.Contains("'filepath' leaves the directory 'data/out/'", error.Message);
    }

    [Fact]
    public void A_connection_string_value_is_one_segment_and_cannot_add_a_keyword()
    {
        var entry = Yaml.Dataset("tenant_orders", _dir.Path,
            ("type", "sql"), ("connection_string", "Data Source=data/tenants/${runtime:tenant}.sqlite"), ("query", "SELECT 1"));

        var traversal = Assert.Throws<RuntimeValueException>(() => entry.WithRuntimeValues(("tenant", "../db")));
        var injection = Assert.Throws<RuntimeValueException>(() => entry.WithRuntimeValues(("tenant", "x.sqlite;Data Source=/tmp/other")));
        var escaped = SqlConnectionSettings.FromConfig(entry.WithRuntimeValues(("tenant", "x;Mode=Memory")));
        var builder = new SqliteConnectionStringBuilder(escaped.ConnectionString);

        Assert.Contains("'connection_string', where it must be exactly one path segment", traversal.Message);
        Assert.Contains("contains a path separator", injection.Message);
        Assert.Equal(_dir.File("data", "tenants", "x;Mode=Memory.sqlite"), escaped.DatabaseFile);
        Assert.Equal(SqliteOpenMode.ReadWriteCreate, builder.Mode);
    }

    [Fact]
    public void A_runtime_value_cannot_name_a_connection_string_keyword()
    {
        var entry = Yaml.Dataset("tenant_orders", _dir.Path,
            ("type", "sql"), ("connection_string", "Data Source=data/db.sqlite;${runtime:option}=1"), ("query", "SELECT 1"));

        var error = Assert.Throws<DatasetException>(() => entry.WithRuntimeValues(("option", "Mode")));

        Assert.Contains("runtime values may only be keyword values", error.Message);
    }

    [Fact]
    public void Defaults_written_in_the_yaml_are_configuration_and_not_checked()
    {
        var entry = Yaml.Dataset("report", _dir.Path, ("type", "text"), ("filepath", "data/${runtime:region,out/eu}/x.txt"));

        var dataset = TextDataset.FromConfig(entry.WithRuntimeValues(("region", null)));

        Assert.Equal(_dir.File("data", "out", "eu", "x.txt"), dataset.FilePath);
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_dir.File("data", "db.sqlite")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
