using Compiled.Config;
using Compiled.Datasets;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Compiled.Tests.Datasets;

public sealed record Order(long OrderId, string CustomerId, double Amount, string? Note);

public sealed class OrderRow
{
    public int OrderId { get; set; }
    public string CustomerId { get; set; } = "";
    public decimal Amount { get; set; }
    public string? Note { get; set; }
    public bool Paid { get; set; }
    public DateTime PlacedAt { get; set; }
    public Guid Key { get; set; }
    public DayOfWeek Weekday { get; set; }
    public byte[]? Blob { get; set; }
}

public sealed class FragileOrder
{
    public int OrderId { get; set; }
    public string CustomerId
    {
        get => OrderId == 3 ? throw new InvalidOperationException("getter failed at 3") : "c";
        set { }
    }
}

public sealed class SqlDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public SqlDatasetTests()
    {
        Directory.CreateDirectory(_dir.File("data"));
        Execute("""
            CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, amount REAL NOT NULL, note TEXT);
            INSERT INTO orders VALUES (1, 'alice', 10.5, NULL);
            INSERT INTO orders VALUES (2, 'bob', 20, 'gift');
            INSERT INTO orders VALUES (3, '''; DROP TABLE orders; --', 30, 'the literal');
            CREATE TABLE x (id INTEGER);
            INSERT INTO x VALUES (42);
            """);
    }

    private string DatabasePath => _dir.File("data", "db.sqlite");

    private SqlConnectionSettings Connection => new($"Data Source={DatabasePath}");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void A_query_with_a_parameter_returns_typed_rows()
    {
        var dataset = new SqlQueryDataset<Order>("orders", Connection,
            "SELECT order_id, customer_id, amount, note FROM orders WHERE customer_id = @customer_id ORDER BY order_id",
            new Dictionary<string, object?> { ["customer_id"] = "bob" });

        Assert.Equal([new Order(2, "bob", 20, "gift")], dataset.Load());
    }

    [Fact]
    public async Task A_runtime_value_that_looks_like_sql_injection_is_bound_as_data()
    {
        const string injection = "'; DROP TABLE x; --";
        const string againstOrders = "'; DROP TABLE orders; --";
        var catalog = Yaml.Dataset("customer_orders", _dir.Path,
            ("type", "sql"), ("connection_string", "Data Source=data/db.sqlite"),
            ("query", "SELECT * FROM orders WHERE customer_id = @customer_id"),
            ("parameters", Yaml.MapAt(20, ("customer_id", "${runtime:customer_id}"))));

        var probe = SqlQueryDataset<Order>.FromConfig(catalog.WithRuntimeValues(("customer_id", injection)));
        Assert.Empty(probe.Load());
        Assert.Empty(await probe.LoadAsync());

        var literal = SqlQueryDataset<Order>.FromConfig(catalog.WithRuntimeValues(("customer_id", againstOrders)));
        var found = Assert.Single(literal.Load());

        Assert.Equal(3, found.OrderId);
        Assert.Equal(againstOrders, found.CustomerId);
        Assert.Equal(42L, Scalar("SELECT id FROM x"));
        Assert.Equal(3L, Scalar("SELECT count(*) FROM orders"));
    }

    [Fact]
    public void The_connection_comes_from_credentials_and_a_relative_data_source_is_the_projects()
    {
        File.WriteAllText(_dir.File("conf", "base", "catalog.yml").Also(p => Directory.CreateDirectory(Path.GetDirectoryName(p)!)), """
            orders:
              type: sql
              connection: orders_db
              query: SELECT * FROM orders WHERE amount > @min ORDER BY order_id
              parameters:
                min: 15
            orders_table:
              type: sql_table
              credentials: orders_db
              table_name: orders
            """);
        Directory.CreateDirectory(_dir.File("conf", "local"));
        File.WriteAllText(_dir.File("conf", "local", "credentials.yml"), """
            orders_db:
              connection_string: "Data Source=${env:COMPILED_TEST_DB_PATH}"
            """);
        Environment.SetEnvironmentVariable("COMPILED_TEST_DB_PATH", "data/db.sqlite");
        try
        {
            var project = ProjectConfig.Load(_dir.Path, "local");
            var query = SqlQueryDataset<Order>.FromConfig(project.GetDataset("orders"));
            var table = SqlTableDataset<Order>.FromConfig(project.GetDataset("orders_table"));

            Assert.Equal([2L, 3L], query.Load().Select(o => o.OrderId));
            Assert.Equal(3, table.Load().Length);
            Assert.Equal($"SQLite database {DatabasePath}", query.Connection.Description);
            Assert.DoesNotContain("Data Source", query.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("COMPILED_TEST_DB_PATH", null);
        }
    }

    [Fact]
    public void A_missing_connection_or_credentials_is_a_located_error()
    {
        var none = Assert.Throws<DatasetException>(() => SqlQueryDataset<Order>.FromConfig(Yaml.Dataset("orders", _dir.Path,
            ("type", "sql"), ("query", "SELECT 1"))));
        var both = Assert.Throws<DatasetException>(() => SqlQueryDataset<Order>.FromConfig(Yaml.Dataset("orders", _dir.Path,
            ("type", "sql"), ("query", "SELECT 1"), ("connection", "db"), ("connection_string", "Data Source=x"))));
        var noProject = Assert.Throws<DatasetException>(() => SqlTableDataset<Order>.FromConfig(Yaml.Dataset("orders", _dir.Path,
            ("type", "sql_table"), ("table_name", "orders"), ("connection", "db"))));
        var provider = Assert.Throws<DatasetException>(() => SqlTableDataset<Order>.FromConfig(Yaml.Dataset("orders", _dir.Path,
            ("type", "sql_table"), ("table_name", "orders"), ("connection_string", "Host=x"), ("provider", "Npgsql"))));

        Assert.Contains("Dataset 'orders'", none.Message);
        Assert.Contains("has no connection", none.Message);
        Assert.Contains("both 'connection' and 'connection_string'", both.Message);
        Assert.Contains($"{Yaml.File}:14:", both.Message);
        Assert.Contains("credentials 'db'", noProject.Message);
        Assert.Contains("'Npgsql'", provider.Message);
        Assert.Contains("RegisterFactory", provider.Message);
    }

    [Fact]
    public void A_query_without_a_column_a_property_needs_names_it()
    {
        var dataset = new SqlQueryDataset<Order>("orders", Connection, "SELECT order_id, customer_id FROM orders");

        var ex = Assert.Throws<DatasetException>(() => dataset.Load());

        Assert.Contains("Dataset 'orders'", ex.Message);
        Assert.Contains(DatabasePath, ex.Message);
        Assert.Contains("no column 'amount' (for Order.Amount)", ex.Message);
        Assert.Contains("order_id, customer_id", ex.Message);
    }

    [Fact]
    public void A_bad_value_names_the_row_and_the_column()
    {
        Execute("INSERT INTO orders VALUES (4, 'dave', 'lots', NULL)");
        var dataset = new SqlQueryDataset<Order>("orders", Connection, "SELECT * FROM orders ORDER BY order_id");

        var ex = Assert.Throws<DatasetException>(() => dataset.Load());

        Assert.Contains("Dataset 'orders'", ex.Message);
        Assert.Contains("row 4, column 'amount'", ex.Message);
        Assert.Contains("'lots'", ex.Message);
        Assert.Contains("Double (Order.Amount)", ex.Message);
    }

    [Fact]
    public void A_failing_query_names_the_dataset_and_the_database()
    {
        var dataset = new SqlQueryDataset<Order>("orders", Connection, "SELECT * FROM nope");

        var ex = Assert.Throws<DatasetException>(() => dataset.Load());

        Assert.Contains("Dataset 'orders'", ex.Message);
        Assert.Contains(DatabasePath, ex.Message);
        Assert.Contains("no such table: nope", ex.Message);
        Assert.Throws<DatasetException>(() => dataset.Save([]));
    }

    [Fact]
    public async Task A_connection_failure_never_shows_the_connection_string()
    {
        var settings = new SqlConnectionSettings($"Data Source={DatabasePath};Password=hunter2");
        var query = new SqlQueryDataset<Order>("orders", settings, "SELECT * FROM orders");
        var table = new SqlTableDataset<Order>("orders", settings, "orders");

        var errors = new[]
        {
            Assert.Throws<DatasetException>(() => query.Load()),
            await Assert.ThrowsAsync<DatasetException>(async () => await query.LoadAsync()),
            Assert.Throws<DatasetException>(() => table.Load()),
            Assert.Throws<DatasetException>(() => table.Save([])),
        };

        foreach (var ex in errors)
        {
            Assert.Contains("Dataset 'orders'", ex.Message);
            Assert.Contains("could not connect", ex.Message);
            Assert.DoesNotContain("hunter2", ex.ToString());
        }
        Assert.DoesNotContain("hunter2", settings.ToString());
        Assert.False(table.Exists());
    }

    [Fact]
    public void Sql_table_creates_replaces_and_appends_in_a_transaction()
    {
        var when = new DateTime(2026, 11, 25, 16, 30, 0);
        OrderRow[] first =
        [
            new() { OrderId = 1, CustomerId = "a", Amount = 1.25m, Paid = true, PlacedAt = when, Key = Guid.NewGuid(), Weekday = DayOfWeek.Tuesday, Blob = [1, 2] },
            new() { OrderId = 2, CustomerId = "'; DROP TABLE x; --", Amount = 0m, Note = "n", PlacedAt = when.AddDays(1) },
        ];
        var dataset = new SqlTableDataset<OrderRow>("order_rows", Connection, "order_rows");
        Assert.False(dataset.Exists());

        dataset.Save(first);
        Assert.True(dataset.Exists());
        Assert.Equal(Describe(first), Describe(dataset.Load()));

        dataset.Save([first[1]]);
        Assert.Equal(Describe([first[1]]), Describe(dataset.Load()));

        var appending = new SqlTableDataset<OrderRow>("order_rows", Connection, "order_rows", SqlIfExists.Append);
        appending.Save([first[0]]);
        Assert.Equal(Describe([first[1], first[0]]), Describe(appending.Load()));

        var failing = new SqlTableDataset<OrderRow>("order_rows", Connection, "order_rows", SqlIfExists.Fail);
        var ex = Assert.Throws<DatasetException>(() => failing.Save(first));
        Assert.Contains("if_exists is 'fail'", ex.Message);
        Assert.Equal(2, dataset.Load().Length);
        Assert.Equal(42L, Scalar("SELECT id FROM x"));
    }

    [Fact]
    public async Task A_save_failing_midway_rolls_back_and_keeps_the_previous_rows()
    {
        var dataset = new SqlTableDataset<FragileOrder>("fragile", Connection, "fragile");
        dataset.Save([new FragileOrder { OrderId = 1 }]);

        var ex = Assert.Throws<DatasetException>(() => dataset.Save(Enumerable.Range(1, 5).Select(i => new FragileOrder { OrderId = i }).ToArray()));

        Assert.Contains("Dataset 'fragile'", ex.Message);
        Assert.Contains("row 3 (item [2] of the array), column 'customer_id'", ex.Message);
        Assert.Contains("getter failed at 3", ex.Message);
        Assert.Contains("left as it was", ex.Message);
        Assert.Equal([1], (await dataset.LoadAsync()).Select(o => o.OrderId));
    }

    [Fact]
    public void Sql_table_config_and_missing_table_errors()
    {
        var dataset = SqlTableDataset<Order>.FromConfig(Yaml.Dataset("orders", _dir.Path,
            ("type", "sql_table"), ("table_name", "missing"), ("connection_string", "Data Source=data/db.sqlite"),
            ("save_args", Yaml.MapAt(20, ("if_exists", "append")))));
        var bad = Assert.Throws<DatasetException>(() => SqlTableDataset<Order>.FromConfig(Yaml.Dataset("orders", _dir.Path,
            ("type", "sql_table"), ("table_name", "t"), ("connection_string", "Data Source=data/db.sqlite"),
            ("save_args", Yaml.MapAt(30, ("if_exists", "truncate"))))));

        Assert.Equal(SqlIfExists.Append, dataset.IfExists);
        var missing = Assert.Throws<DatasetException>(() => dataset.Load());
        Assert.Contains("Dataset 'orders'", missing.Message);
        Assert.Contains("table 'missing'", missing.Message);
        Assert.Contains("does not exist", missing.Message);
        Assert.Contains("'truncate'", bad.Message);
        Assert.Contains($"{Yaml.File}:31:", bad.Message);
    }

    [Fact]
    public void Random_rows_round_trip_through_a_table()
    {
        var random = new Random(7);
        var dataset = new SqlTableDataset<Order>("orders_copy", Connection, "orders_copy");
        for (var run = 0; run < 20; run++)
        {
            var rows = Enumerable.Range(0, random.Next(0, 100)).Select(i => new Order(
                i, new string((char)random.Next('a', 'z' + 1), random.Next(0, 10)) + "'\"; --", random.NextDouble() * 1e9 - 5e8,
                random.Next(3) == 0 ? null : "ünï ✓")).ToArray();

            dataset.Save(rows);

            Assert.Equal(rows, dataset.Load());
        }
    }

    private static IEnumerable<string> Describe(IEnumerable<OrderRow> rows) => rows.Select(r =>
        $"{r.OrderId}|{r.CustomerId}|{r.Amount}|{r.Note}|{r.Paid}|{r.PlacedAt:O}|{r.Key}|{r.Weekday}|{(r.Blob is null ? "-" : Convert.ToHexString(r.Blob))}");

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

internal static class TestExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
