using Compiled.Config;
using Xunit;

namespace Orders.Tests;

/// <summary>
/// The credentials of every dataset a run touches, with their <c>${env:…}</c> values, are resolved before its first node
/// runs: a missing one fails the run before anything was loaded or written, not at the node that saves.
/// </summary>
public sealed class PreflightTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public void Dispose() => _project.Dispose();

    private string Credentials => Path.Combine(_project.Path, "conf", "local", "credentials.yml");

    [Fact]
    public void A_missing_env_credential_of_the_last_nodes_dataset_fails_the_run_before_the_first_node_writes()
    {
        // An environment variable no test sets: the last node's database cannot be reached.
        File.WriteAllText(Credentials, "export_db:\n  connection_string: \"Data Source=${env:COMPILED_TEST_EXPORT_DB_NEVER_SET}\"\n");
        var session = _project.CreateSession("local");

        var error = Assert.Throws<ConfigException>(() => session.Export.Run());

        Assert.Equal(
            $"{Credentials}:2:22: pipeline 'export' did not start (nothing was loaded or written): dataset 'exported_orders' " +
            "'${env:COMPILED_TEST_EXPORT_DB_NEVER_SET}' has no value and no default (set the environment variable, or write a default after a comma: ${env:NAME,default})",
            error.Message);
        Assert.False(File.Exists(_project.File("data/out/export.log")), "the first node ran and wrote its file");
        Assert.False(File.Exists(_project.File("data/out/export.db")));
    }

    [Fact]
    public async Task Credentials_that_name_nothing_fail_RunAsync_before_the_first_node_too()
    {
        File.WriteAllText(Credentials, "other_db:\n  connection_string: \"Data Source=data/out/other.db\"\n");
        var session = _project.CreateSession("local");

        var error = await Assert.ThrowsAsync<ConfigException>(async () => await session.Export.RunAsync());

        Assert.Contains("pipeline 'export' did not start", error.Message);
        Assert.Contains("dataset 'exported_orders' no credentials named 'export_db'", error.Message);
        Assert.False(File.Exists(_project.File("data/out/export.log")));
    }

    [Fact]
    public void Once_the_credentials_resolve_the_run_writes_the_file_and_the_table()
    {
        var session = _project.CreateSession("local");

        var result = session.Export.Run();

        Assert.Equal(2, result.ExportedOrders.Length);
        Assert.Equal("exporting 2 orders\n", File.ReadAllText(_project.File("data/out/export.log")));
        Assert.Equal(2, session.Catalog.ExportedOrders.Load().Length);
    }

    [Fact]
    public void A_failed_check_is_tried_again_by_the_next_run()
    {
        File.WriteAllText(Credentials, "export_db:\n  connection_string: \"Data Source=${env:COMPILED_TEST_EXPORT_DB_NEVER_SET}\"\n");
        var session = _project.CreateSession("local");

        Assert.Throws<ConfigException>(() => session.Export.Run());
        Assert.Throws<ConfigException>(() => session.Export.Run());
        Assert.False(File.Exists(_project.File("data/out/export.log")));
    }
}
