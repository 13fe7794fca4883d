using Compiled;
using Compiled.Config;
using Xunit;

namespace Orders.Tests;

/// <summary>Environments, credentials, parameters, in-memory inputs, hooks and failures.</summary>
public sealed class SessionTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Environment_configuration_is_merged_over_base_and_the_environment_wins()
    {
        var local = _project.CreateSession("local");
        Assert.Equal("CHF", local.Parameters.Pricing.Currency);   // conf/local/parameters.yml
        Assert.Equal(0.1, local.Parameters.Pricing.Discount);     // compiled from conf/base
        Assert.Equal(5, local.Parameters.Pricing.Minimum);

        var prod = _project.CreateSession("prod");
        Assert.Equal("EUR", prod.Parameters.Pricing.Currency);
        Assert.Equal(0.25, prod.Parameters.Pricing.Discount);     // conf/prod/parameters.yml
        Assert.EndsWith(Path.Combine("data", "prod", "price_table.json"), prod.Catalog.PriceTable.FilePath);
        Assert.Equal("json", prod.Config.GetDataset("price_table").Type); // the type key came from base
        Assert.StartsWith("15.00 EUR", prod.Quote.Run(new QuoteRequest("widget", 1)).QuoteText); // 20 * (1 - 0.25)
    }

    [Fact]
    public void The_environment_comes_from_COMPILED_ENV_when_not_given()
    {
        Environment.SetEnvironmentVariable(SessionOptions.EnvironmentVariable, "prod");
        try
        {
            var session = OrdersProject.CreateSession(new SessionOptions { ProjectPath = _project.Path });
            Assert.Equal("prod", session.Environment);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SessionOptions.EnvironmentVariable, null);
        }
    }

    [Fact]
    public void Credentials_come_from_the_environment_credentials_file_and_environment_variables()
    {
        Environment.SetEnvironmentVariable("ORDERS_TEST_TOKEN", "token-from-env");
        try
        {
            var session = _project.CreateSession("local");
            var entry = new ConfigMapping([new("type", new ConfigScalar("sql", ConfigLocation.None)), new("credentials", new ConfigScalar("orders_db", ConfigLocation.None))], ConfigLocation.None);
            var credentials = new DatasetConfig("orders_db_table", entry, _project.Path, session.Config).GetCredentials()!;
            Assert.Contains("hunter2-local-secret", ((ConfigScalar)credentials["connection_string"]!).Value);
            Assert.Equal("token-from-env", ((ConfigScalar)credentials["token"]!).Value);

            var missing = Assert.Throws<DatasetException>(() =>
                new DatasetConfig("x", entry, _project.Path, _project.CreateSession("prod").Config).GetCredentials());
            Assert.Contains("orders_db", missing.Message);
            Assert.Contains("credentials.yml", missing.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ORDERS_TEST_TOKEN", null);
        }
    }

    [Fact]
    public void Secrets_never_appear_in_generated_code()
    {
        var directory = typeof(SessionTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "GeneratedSources").Value!;
        var sources = Directory.EnumerateFiles(directory, "*.g.cs", SearchOption.AllDirectories).ToList();
        Assert.Contains(sources, s => s.EndsWith("OrdersCatalog.g.cs", StringComparison.Ordinal));
        foreach (var source in sources)
        {
            var text = File.ReadAllText(source);
            Assert.DoesNotContain("hunter2", text);
            Assert.DoesNotContain("Password", text);
            Assert.DoesNotContain("connection_string", text);
        }
    }

    [Fact]
    public void A_broken_catalog_entry_fails_only_the_pipeline_that_uses_it()
    {
        var session = _project.CreateSession("prod"); // conf/prod breaks audit_log's load_args
        Assert.Equal(2, session.Pricing.Run().Summary.Orders);

        var error = Assert.Throws<PipelineRunException>(() => session.Audit.Run());
        Assert.Equal("count_lines", error.NodeName);
        Assert.Contains("audit_log", error.Message);
        Assert.Contains(Path.Combine("conf", "prod", "catalog.yml"), error.Message);
        Assert.Contains("no_such_option", error.Message);

        Assert.Equal(3, _project.CreateSession("local").Audit.Run().AuditLines);
    }

    [Fact]
    public void Dotted_parameter_overrides_are_typed_and_checked_before_any_node_runs()
    {
        var hook = new RecordingHook();
        var session = _project.CreateSession(hooks: hook);
        var parameters = session.Parameters.WithOverrides("pricing.discount=0.5", "pricing.currency=USD");
        Assert.Equal("5.00 USD", session.Quote.Run(new QuoteRequest("widget", 1), parameters: parameters).QuoteText);

        var unknown = Assert.Throws<ParameterException>(() => session.Parameters.WithOverrides("pricing.discont=0.5"));
        Assert.Contains("pricing.discont", unknown.Message);
        Assert.Contains("pricing.discount", unknown.Message);
        var wrongType = Assert.Throws<ParameterException>(() => session.Parameters.WithOverride("pricing.minimum", "five"));
        Assert.Contains("pricing.minimum", wrongType.Message);
        Assert.Contains("integer", wrongType.Message);
        Assert.Throws<ParameterException>(() => session.Parameters.WithOverrides("pricing.discount"));
        Assert.Equal(2, hook.Count("before_node")); // the valid run's two nodes; the bad overrides ran none
    }

    [Fact]
    public void An_environment_parameter_of_the_wrong_type_fails_session_creation_naming_the_file_and_line()
    {
        File.WriteAllText(_project.File("conf/local/parameters.yml"), "pricing:\n  minimum: lots\n");
        var error = Assert.Throws<ConfigException>(() => _project.CreateSession("local"));
        Assert.Contains(Path.Combine("conf", "local", "parameters.yml") + ":2", error.Message);
        Assert.Contains("pricing.minimum", error.Message);
    }

    [Fact]
    public void Inputs_given_in_memory_replace_catalog_loads_for_one_run()
    {
        File.Delete(_project.File("data/eu/orders.csv"));
        var session = _project.CreateSession();
        var orders = new[] { new OrderRow { Id = 1, Product = "gadget", Quantity = 2 } };
        var summary = session.Pricing.Run(inputs: new() { Orders = orders }).Summary;
        Assert.Equal(1, summary.Orders);
        Assert.Equal(180, summary.Total, 6);

        // Without the override the missing file fails the run, naming the dataset, its file and the node.
        var error = Assert.Throws<PipelineRunException>(() => session.Pricing.Run());
        Assert.Equal("price_orders", error.NodeName);
        Assert.Contains("'orders'", error.Message);
        Assert.Contains(Path.Combine("data", "eu", "orders.csv"), error.Message);
    }

    [Fact]
    public void Hooks_see_pipeline_node_and_dataset_events_in_order()
    {
        var hook = new RecordingHook();
        var session = _project.CreateSession(hooks: hook);
        session.Pricing.Run();
        Assert.Equal(
            [
                "before_pipeline:pricing", "before_load:orders", "after_load:orders", "before_load:price_table", "after_load:price_table",
                "before_node:price_orders", "after_node:price_orders", "before_node:summarize", "after_node:summarize",
                "before_save:summary", "after_save:summary", "after_pipeline:pricing",
            ],
            hook.Events.ToArray());
    }

    [Fact]
    public async Task A_failing_node_names_the_node_the_run_and_the_pipeline_lists_what_did_not_run_and_calls_the_error_hooks()
    {
        var hook = new RecordingHook();
        var session = _project.CreateSession(hooks: hook);
        var error = await Assert.ThrowsAsync<PipelineRunException>(async () =>
            await session.Quote.RunAsync(new QuoteRequest("widget", -1), runId: "bad-quote"));
        Assert.Equal("quote", error.PipelineName);
        Assert.Equal("quote", error.NodeName);
        Assert.Equal("bad-quote", error.RunId);
        Assert.Equal(["quote", "format"], error.NotRun);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.Contains("--from-nodes quote", error.ResumeCommand);
        Assert.Contains("node_error:quote", hook.Events);
        Assert.Contains("pipeline_error:quote", hook.Events);
        Assert.DoesNotContain("after_pipeline:quote", hook.Events);
    }

    [Fact]
    public void Creating_a_session_opens_no_dataset()
    {
        File.Delete(_project.File("data/price_table.json"));
        File.Delete(_project.File("data/eu/orders.csv"));
        var session = _project.CreateSession();
        Assert.Equal(_project.Path, session.ProjectPath);
        Assert.Equal(3, session.Audit.Run().AuditLines);
    }

    [Fact]
    public void Cancellation_stops_a_run_between_nodes_without_wrapping()
    {
        var session = _project.CreateSession();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => session.Pricing.Run(cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Dataset_factories_configure_datasets_named_by_a_pattern()
    {
        var session = _project.CreateSession();
        session.Reporting.Run();
        Assert.Equal("3 audit lines", File.ReadAllText(_project.File("data/reports/orders.txt")));
        Assert.EndsWith(Path.Combine("data", "reports", "orders.txt"), session.Catalog.OrdersReport.FilePath);
    }

    [Fact]
    public void A_dataset_type_of_the_project_named_in_yaml_is_constructed_by_the_generated_catalog()
    {
        var session = _project.CreateSession();
        Assert.IsType<LineCountDataset>(session.Catalog.AuditLineCount);
        session.Counting.Run();
        Assert.Equal("3 lines", File.ReadAllText(_project.File("data/reports/count.txt")));
    }
}
