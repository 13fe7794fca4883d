using Compiled;
using Xunit;

namespace Orders.Tests;

/// <summary>One session, many runs at once: each run sees only its own data, parameters and runtime values.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Concurrent_quotes_with_their_own_inputs_and_parameters_get_their_own_results_and_share_one_artifact_load()
    {
        var hook = new RecordingHook();
        var session = _project.CreateSession(hooks: hook);
        const int runs = 96;
        var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, runs).Select(i => Task.Run(() =>
        {
            start.Wait();
            var discount = i / 200.0;
            var parameters = session.Parameters with { Pricing = session.Parameters.Pricing with { Discount = discount } };
            var request = new QuoteRequest(i % 2 == 0 ? "widget" : "gadget", i);
            var result = session.Quote.Run(request, parameters: parameters, runId: $"quote-{i}");
            return (i, discount, request, result);
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(tasks);

        foreach (var (i, discount, request, result) in results)
        {
            var price = request.Product == "widget" ? 10.0 : 100.0;
            Assert.Equal((price * i * (1 - discount)).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " CHF", result.QuoteText);
        }

        // The price table is an artifact of the quote pipeline: loaded once for all runs.
        Assert.Equal(1, hook.Count("after_load"));
        Assert.Equal(runs, hook.RunIds.Distinct().Count());
        Assert.True(session.IsPreloaded(session.Catalog.PriceTable));
    }

    [Fact]
    public async Task Released_artifacts_are_loaded_again_on_next_use_and_preload_loads_before_any_run()
    {
        var hook = new RecordingHook();
        var session = _project.CreateSession(hooks: hook);
        Assert.False(session.IsPreloaded(session.Catalog.PriceTable));
        session.Preload(session.Catalog.PriceTable);
        Assert.True(session.IsPreloaded(session.Catalog.PriceTable));
        Assert.Equal(1, hook.Count("after_load")); // the preload reports its load through the hooks

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => session.Quote.Run(new QuoteRequest("widget", 1)))));
        Assert.Equal(1, hook.Count("after_load")); // preloaded: no run loaded it

        // A new price table on disk is only seen after Release.
        _project.WritePrices("data/price_table.json", ("widget", 11.0), ("gadget", 100.0));
        Assert.StartsWith("9.00 ", session.Quote.Run(new QuoteRequest("widget", 1)).QuoteText);
        Assert.True(session.Release(session.Catalog.PriceTable));
        Assert.False(session.IsPreloaded(session.Catalog.PriceTable));
        Assert.StartsWith("9.90 ", session.Quote.Run(new QuoteRequest("widget", 1)).QuoteText);
        Assert.Equal(2, hook.Count("after_load")); // the preload, then the first run after Release
    }

    [Fact]
    public async Task Runtime_values_resolve_per_run_so_concurrent_runs_read_and_write_different_files()
    {
        var session = _project.CreateSession();
        var regions = Enumerable.Range(0, 64).Select(i => i % 2 == 0 ? "eu" : "us").ToArray();
        var summaries = await Task.WhenAll(regions.Select(region => Task.Run(() => session.Pricing.Run(region: region).Summary)));

        for (var i = 0; i < regions.Length; i++)
        {
            // eu: 2 widgets + 1 gadget; us: 15 widgets + 3 gadgets; 10% discount, minimum 5.
            var expected = regions[i] == "eu" ? (2, 2 * 10 * 0.9 + 100 * 0.9) : (3, 10 * 10 * 0.9 + 5 * 10 * 0.9 + 3 * 100 * 0.9);
            Assert.Equal(expected.Item1, summaries[i].Orders);
            Assert.Equal(expected.Item2, summaries[i].Total, 6);
        }

        // summary is versioned: every run saved its own version, none overwrote another, and the latest loads.
        var euVersions = session.Catalog.Summary("eu").ListVersions();
        var usVersions = session.Catalog.Summary("us").ListVersions();
        Assert.Equal(32, euVersions.Count);
        Assert.Equal(32, usVersions.Count);
        Assert.Equal(64, euVersions.Concat(usVersions).Distinct().Count());
        Assert.Equal(3, session.Catalog.Summary("us").Load().Orders);
        Assert.Contains("\"orders\": 3", File.ReadAllText(_project.File($"data/out/us/summary.json/{usVersions[^1]}/summary.json")));
    }

    [Fact]
    public void A_runtime_value_without_default_is_a_required_argument_checked_before_any_node_runs()
    {
        var hook = new RecordingHook();
        var session = _project.CreateSession(hooks: hook);
        _project.WriteOrders("customers/c-17", ("widget", 1), ("gadget", 2));
        Assert.Equal(2, session.Customers.Run(customer: "c-17").CustomerOrderCount);

        var error = Assert.Throws<ArgumentNullException>(() => session.Customers.Run(customer: null!));
        Assert.Equal("customer", error.ParamName);
        Assert.Single(hook.Events, e => e == "before_node:count_orders");
    }

    [Fact]
    public void A_runtime_value_without_argument_takes_its_default()
    {
        var session = _project.CreateSession();
        Assert.Equal(2, session.Pricing.Run().Summary.Orders); // ${runtime:region,eu}
        Assert.Single(Directory.GetDirectories(_project.File("data/out/eu/summary.json")));
    }

    [Fact]
    public void Run_ids_are_unique_unless_the_caller_supplies_one()
    {
        var hook = new RecordingHook();
        var session = _project.CreateSession(hooks: hook);
        Parallel.For(0, 1000, _ => session.Stock.Run(inputs: new() { Warehouse = 3 }));
        Assert.Equal(1000, hook.RunIds.Distinct().Count());

        session.Stock.Run(inputs: new() { Warehouse = 1 }, runId: "my-run");
        Assert.Contains("my-run", hook.RunIds);
    }

    /// <summary>
    /// A run that ends by cancellation after a versioned save (here a hook cancels right after 'summary' is saved)
    /// still ends: the session forgets its save version, as it does for completed and failed runs. A long-lived
    /// server that cancels requests would otherwise keep one entry per cancelled run.
    /// </summary>
    [Fact]
    public void A_run_cancelled_after_a_versioned_save_releases_its_save_version()
    {
        var session = _project.CreateSession(hooks: new CancelAfterSave("summary"));

        Assert.Throws<OperationCanceledException>(() => session.Pricing.Run());

        Assert.True(Directory.Exists(_project.File("data/out/eu/summary.json"))); // versioned: a directory of versions
        Assert.Equal(0, session.OpenSaveVersions);
    }

    private sealed class CancelAfterSave(string dataset) : PipelineHook
    {
        public override void AfterDatasetSaved(in RunParams run, string saved)
        {
            if (saved == dataset) throw new OperationCanceledException($"cancelled after saving {saved}");
        }
    }
}
