using System.Net;
using System.Text;
using System.Text.Json;
using Compiled.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Tenants;
using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>
/// Hostile route values over HTTP (hardening issue, findings 1 and 2), against the real endpoint on 127.0.0.1:
/// <c>/reports/{region}/{customer}</c> of the Tenants project, whose <c>customer</c> is bound into a SQL query and whose
/// <c>region</c> is a directory of the report's path. SQL-looking customers are data; a region that would climb out of
/// <c>data/reports</c> (the <c>..%5C..%5Cwin</c> that Kestrel passes through on Linux) is a 400 naming the route value,
/// and nothing is written.
/// </summary>
public sealed class HostileRouteValueTests : IAsyncLifetime
{
    // The project sits one level inside a directory of its own, so that where a traversal two levels up would land is
    // this test's to search (the machine's temporary directory holds other processes' randomly named directories).
    private readonly string _root = Path.Combine(Path.GetTempPath(), "compiled-tenants-" + Guid.NewGuid().ToString("N"));
    private readonly string _project;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public HostileRouteValueTests() => _project = Path.Combine(_root, "project");

    public async Task InitializeAsync()
    {
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "conf"), Path.Combine(_project, "conf"));
        Directory.CreateDirectory(Path.Combine(_project, "data"));
        Sql("CREATE TABLE orders (customer TEXT NOT NULL, amount REAL NOT NULL);" +
            "INSERT INTO orders VALUES ('alice', 10); INSERT INTO orders VALUES ('alice', 5); INSERT INTO orders VALUES ('bob', 7);");

        // The sample API's appsettings.json (copied beside this assembly) preloads its regressor: this project has none.
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0", "--Compiled:ProjectPath", _project, "--Logging:LogLevel:Default", "Warning"]);
        builder.Services.AddCompiledSession<TenantsSession>(o => o.Preload = []);
        _app = builder.Build();
        _app.MapPipeline<CustomerReportPipeline>("/reports/{region}/{customer}");
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_plain_request_reads_the_customers_orders_and_saves_under_its_region()
    {
        var (status, text) = await Post("/reports/eu/alice");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 orders, 15 in all", text);
        Assert.Equal("2 orders, 15 in all", File.ReadAllText(Path.Combine(_project, "data", "reports", "eu", "report.txt")));
    }

    [Theory]
    [InlineData("x'%20OR%20'1'%3D'1")]
    [InlineData("'%3B%20DROP%20TABLE%20orders%3B%20--")]
    public async Task A_customer_that_looks_like_sql_is_data(string customer)
    {
        var (status, text) = await Post("/reports/eu/" + customer);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("0 orders, 0 in all", text);
        Assert.Equal(3L, Sql("SELECT count(*) FROM orders"));
    }

    [Theory]
    [InlineData("..%5C..%5Cwin")]
    [InlineData("%2e%2e%5Cescaped")]
    [InlineData("c%3A%5Cwindows")]
    public async Task A_region_that_is_not_one_path_segment_is_a_400_naming_it_and_nothing_is_written(string region)
    {
        var (status, text) = await Post($"/reports/{region}/alice");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        using var json = JsonDocument.Parse(text);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("region", out _), text);
        Assert.DoesNotContain("..", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_project, "data", "reports")), "a report directory was created");
        Assert.Empty(Directory.EnumerateDirectories(_root, "*win*", SearchOption.AllDirectories));
    }

    private async Task<(HttpStatusCode Status, string Text)> Post(string path)
    {
        using var response = await _client.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private object? Sql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_project, "data", "orders.sqlite")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
