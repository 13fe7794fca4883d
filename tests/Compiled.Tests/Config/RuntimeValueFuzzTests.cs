using System.Text;
using Compiled.Config;
using Compiled.Datasets;
using Compiled.Tests.Datasets;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Compiled.Tests.Config;

/// <summary>
/// Thousands of hostile runtime values (traversal forms, encodings, separators, quotes, SQL comments, NUL, very long
/// values) against a file entry, a SQL entry and a connection string. For every value: nothing is written outside the
/// entry's directory, the SQL text never changes, no connection keyword is added, and every refusal is a
/// <see cref="RuntimeValueException"/> that names the dataset and the value without repeating it.
/// </summary>
public sealed class RuntimeValueFuzzTests : IDisposable
{
    private const int Cases = 4000;

    private static readonly string[] Pieces =
    [
        "..", ".", "/", "\\", "../", "..\\", "%2e%2e", "%2f", "%5c", "%00", "%252e", "\0", "\u0001", "\u001f", "\u007f",
        "\n", "\r", "\t", " ", "'", "\"", "`", "--", ";", "/*", "*/", "' OR '1'='1", "'; DROP TABLE orders; --",
        "Data Source=", "Mode=Memory", "Password=x", "=", "C:", "c:\\windows", "~", "~root", "$HOME", "${runtime:region}",
        "{name}", "$(", "|", "<", ">", "*", "?", ":", "\u2215", "\uff0f", "\u2024\u2024", "\u202e", "\ufeff", "\u00a0",
        "eu", "north", "x", "é", "😀", "NUL", "CON", "aux.txt", "file:", "file:///etc/passwd", "//server/share", "\\\\?\\C:\\",
        new string('a', 120), new string('.', 40), "x.sqlite", "orders",
    ];

    private readonly TempDirectory _dir = new();

    public RuntimeValueFuzzTests()
    {
        Directory.CreateDirectory(_dir.File("data", "out"));
        Directory.CreateDirectory(_dir.File("data", "tenants"));
        Execute("CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id TEXT NOT NULL, amount REAL NOT NULL, note TEXT);" +
                "INSERT INTO orders VALUES (1, 'alice', 10.5, NULL); INSERT INTO orders VALUES (2, 'bob', 20, 'gift');");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    public static IEnumerable<string> HostileValues()
    {
        var random = new Random(20261206);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var piece in Pieces)
        {
            if (seen.Add(piece)) yield return piece;
        }

        while (seen.Count < Cases)
        {
            var builder = new StringBuilder();
            for (var i = random.Next(1, 6); i > 0; i--) builder.Append(Pieces[random.Next(Pieces.Length)]);
            if (random.Next(8) == 0) builder.Append(new string('b', random.Next(100, 400)));
            var value = builder.ToString();
            if (seen.Add(value)) yield return value;
        }
    }

    [Fact]
    public void No_hostile_value_escapes_a_file_entrys_directory()
    {
        var entry = Yaml.Dataset("report", _dir.Path, ("type", "text"), ("filepath", "data/out/${runtime:region}/x.txt"));
        var root = _dir.File("data", "out") + Path.DirectorySeparatorChar;
        var (accepted, refused) = (0, 0);

        foreach (var value in HostileValues())
        {
            if (Refusal(() => entry.WithRuntimeValues(("region", value)), "report", "region", value) is { } resolved)
            {
                var dataset = TextDataset.FromConfig(resolved);
                Assert.StartsWith(root, dataset.FilePath, StringComparison.Ordinal);
                Assert.Equal(Path.Combine(root, value, "x.txt"), dataset.FilePath);
                dataset.Save(value);
                accepted++;
            }
            else
            {
                refused++;
            }
        }

        Assert.All(_dir.AllFiles(), file => Assert.True(
            file.StartsWith(Path.Combine("data", "out") + Path.DirectorySeparatorChar, StringComparison.Ordinal) || file == Path.Combine("data", "db.sqlite"),
            $"written outside data/out: {file}"));
        Assert.True(accepted > 100 && refused > 1000, $"{accepted} accepted, {refused} refused");
    }

    [Fact]
    public void No_hostile_value_changes_the_sql_text()
    {
        const string query = "SELECT * FROM orders WHERE customer_id = @customer ORDER BY order_id";
        var entry = Yaml.Dataset("customer_orders", _dir.Path,
            ("type", "sql"), ("connection_string", "Data Source=data/db.sqlite"), ("query", query),
            ("parameters", Yaml.MapAt(20, ("customer", "${runtime:customer}"))));
        var connection = new SqliteConnection($"Data Source={_dir.File("data", "db.sqlite")}");
        connection.Open();

        foreach (var value in HostileValues().Append("bob"))
        {
            var dataset = SqlQueryDataset<Order>.FromConfig(entry.WithRuntimeValues(("customer", value)));

            Assert.Equal(query, dataset.Query);
            Assert.Equal(value == "bob" ? [2L] : [], dataset.Load().Select(o => o.OrderId));
        }

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM orders";
        Assert.Equal(2L, count.ExecuteScalar());
        connection.Dispose();
    }

    [Fact]
    public void No_hostile_value_adds_a_connection_keyword_or_leaves_the_tenants_directory()
    {
        var entry = Yaml.Dataset("tenant_orders", _dir.Path,
            ("type", "sql"), ("connection_string", "Data Source=data/tenants/${runtime:tenant}.sqlite;Cache=Shared"), ("query", "SELECT 1"));
        var root = _dir.File("data", "tenants") + Path.DirectorySeparatorChar;
        var accepted = 0;

        foreach (var value in HostileValues())
        {
            if (Refusal(() => entry.WithRuntimeValues(("tenant", value)), "tenant_orders", "tenant", value) is not { } resolved) continue;
            var settings = SqlConnectionSettings.FromConfig(resolved);
            var builder = new SqliteConnectionStringBuilder(settings.ConnectionString);

            Assert.Equal(Path.Combine(root, value + ".sqlite"), settings.DatabaseFile);
            Assert.Equal(["data source", "cache"], builder.Keys.Cast<string>().Where(k => builder.ShouldSerialize(k)).Select(k => k.ToLowerInvariant()));
            Assert.Equal(SqliteCacheMode.Shared, builder.Cache);
            accepted++;
        }

        Assert.True(accepted > 100, $"{accepted} accepted");
    }

    /// <summary>Runs <paramref name="resolve"/>: the resolved entry, or null after checking the refusal is clear and does not repeat the value.</summary>
    private static DatasetConfig? Refusal(Func<DatasetConfig> resolve, string dataset, string valueName, string value)
    {
        try
        {
            return resolve();
        }
        catch (RuntimeValueException error)
        {
            Assert.Equal((dataset, valueName), (error.DatasetName, error.ValueName));
            Assert.StartsWith($"Dataset '{dataset}' (conf/base/catalog.yml:12:5): the runtime value '{valueName}' ", error.Message);
            if (value.Length >= 6) Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\0", error.Message, StringComparison.Ordinal);
            return null;
        }
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_dir.File("data", "db.sqlite")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
