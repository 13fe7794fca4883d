using Compiled;
using Compiled.Pipelines;
using Compiled.Runners;
using Xunit;

namespace Runs.Tests;

/// <summary>The sequential and parallel runners on the generated per-node steps: loads, releases, concurrency, cancellation, failures.</summary>
public sealed class RunnerTests : IDisposable
{
    private readonly TempProject _project = new();

    public RunnerTests()
    {
        Handshake.Reset();
        Slow.Reset();
        Wide.Reset();
        Flaky.Fail = false;
    }

    public void Dispose()
    {
        Handshake.Timeout = TimeSpan.FromSeconds(30);
        _project.Dispose();
    }

    /// <summary>
    /// Two independent nodes that each wait for the other to have started (a handshake, no timer): the parallel
    /// runner completes the run only because it runs them at the same time.
    /// </summary>
    [Fact]
    public async Task The_parallel_runner_runs_independent_nodes_at_the_same_time()
    {
        var session = _project.CreateSession();
        var summary = await session.Handshake.ExecuteAsync(new RunOptions { Runner = RunnerKind.Parallel });
        Assert.Equal(["left", "right"], summary.NodesRun.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal("join", summary.NodesRun[2]);
        Assert.Equal(["left", "right"], _project.Hook.Started.Take(2).Order(StringComparer.Ordinal));
    }

    /// <summary>The same handshake one node at a time cannot complete: the first node waits for a second that has not started.</summary>
    [Fact]
    public async Task The_sequential_runner_runs_one_node_at_a_time()
    {
        Handshake.Timeout = TimeSpan.FromMilliseconds(200);
        var session = _project.CreateSession();
        var error = await Assert.ThrowsAsync<PipelineRunException>(() => session.Handshake.ExecuteAsync());
        Assert.Equal("left", error.NodeName);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(["left"], _project.Hook.Started);
    }

    [Fact]
    public async Task The_parallel_runner_never_runs_more_nodes_at_once_than_its_bound()
    {
        var session = _project.CreateSession();
        var summary = await session.Wide.ExecuteAsync(new RunOptions { Runner = RunnerKind.Parallel, MaxDegreeOfParallelism = 2 });
        Assert.Equal(7, summary.NodesRun.Count);
        Assert.Equal(2, Wide.MaximumConcurrency);
    }

    /// <summary>Nodes that fail together are reported together, each with its name and exception, in one PipelineRunException.</summary>
    [Fact]
    public async Task Failures_of_nodes_running_together_are_aggregated_with_their_names()
    {
        var session = _project.CreateSession();
        var error = await Assert.ThrowsAsync<PipelineRunException>(() => session.Twins.ExecuteAsync(new RunOptions { Runner = RunnerKind.Parallel }));
        Assert.Equal(["a", "b"], error.Failures.Select(f => f.NodeName).Order(StringComparer.Ordinal));
        var aggregate = Assert.IsType<AggregateException>(error.InnerException);
        Assert.Equal(2, aggregate.InnerExceptions.Count);
        Assert.Contains("a: a broke", error.Message);
        Assert.Contains("b: b broke", error.Message);
        Assert.Equal(["a", "b", "both"], error.NotRun);
    }

    /// <summary>Cancellation inside a node that observes the token: the run stops there, the next node never starts, nothing wraps the cancellation.</summary>
    [Theory]
    [InlineData(RunnerKind.Sequential)]
    [InlineData(RunnerKind.Parallel)]
    public async Task Cancellation_stops_a_node_that_observes_the_token(RunnerKind runner)
    {
        var session = _project.CreateSession();
        using var cancellation = new CancellationTokenSource();
        var run = session.Slow.ExecuteAsync(new RunOptions { Runner = runner }, cancellationToken: cancellation.Token);
        await Slow.Started.WaitAsync(TimeSpan.FromSeconds(30));
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(["first", "wait"], _project.Hook.Started);
    }

    /// <summary>Cancellation between nodes: cancelled as 'first' completes, 'wait' (which would observe it) never starts.</summary>
    [Theory]
    [InlineData(RunnerKind.Sequential)]
    [InlineData(RunnerKind.Parallel)]
    public async Task Cancellation_stops_a_run_between_nodes(RunnerKind runner)
    {
        using var cancellation = new CancellationTokenSource();
        var session = _project.CreateSession(new CancelAfterHook("first", cancellation));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            session.Slow.ExecuteAsync(new RunOptions { Runner = runner }, cancellationToken: cancellation.Token));
        Assert.Equal(["first"], _project.Hook.Started);
        Assert.False(Slow.Started.IsCompleted);
    }

    /// <summary>Kedro's --from-nodes: the inputs no selected node produces (m and m2) are loaded from the catalog.</summary>
    [Fact]
    public async Task A_partial_run_loads_what_no_selected_node_produces_from_the_catalog()
    {
        var session = _project.CreateSession();
        _project.Write("m", "2");
        _project.Write("m2", "7");
        var summary = await session.Variance.ExecuteAsync(new RunOptions { Filter = new() { FromNodes = ["variance_node"] } });
        Assert.Equal(["variance_node"], summary.NodesRun);
        Assert.Equal(3.0, _project.ReadDouble("v")); // 7 - 2²
    }

    [Fact]
    public async Task A_partial_run_that_needs_a_memory_only_dataset_fails_before_any_node_naming_it()
    {
        var session = _project.CreateSession();
        var error = await Assert.ThrowsAsync<PipelineSelectionException>(() =>
            session.Variance.ExecuteAsync(new RunOptions { Filter = new() { Nodes = ["mean_node"] } }));
        Assert.Equal(
            "Node 'mean_node' reads 'n', which no node of this run produces and which is kept in memory only (it has no catalog entry). " +
            "Run its producer 'len' too (e.g. from nodes len), or persist 'n' in conf/base/catalog.yml.",
            error.Message);
        // A front end names the filter its own way (the CLI: its flag).
        Assert.EndsWith("Run its producer 'len' too (e.g. --from-nodes len), or persist 'n' in conf/base/catalog.yml.",
            error.Describe(criterion => criterion == NodeFilterCriterion.FromNodes ? "--from-nodes" : "?"));
        Assert.Empty(_project.Hook.Started);

        // Given in memory, it runs.
        var summary = await session.Variance.ExecuteAsync(new RunOptions { Filter = new() { Nodes = ["mean_node"] }, Inputs = new Dictionary<string, object?> { ["n"] = 4 } });
        Assert.Equal(["mean_node"], summary.NodesRun);
        Assert.Equal(2.5, _project.ReadDouble("m"));
    }

    /// <summary>
    /// Kedro's --only-missing-outputs (runner._filter_pipeline_for_missing_outputs): a node runs if a persisted output is
    /// missing, or if a node that runs needs an output of it that is in memory or missing; others are skipped.
    /// </summary>
    [Fact]
    public async Task Only_missing_outputs_runs_the_nodes_whose_persisted_outputs_are_missing_and_what_they_need()
    {
        var session = _project.CreateSession();
        await session.Variance.ExecuteAsync();
        Assert.True(_project.Exists("v"));

        var nothing = await session.Variance.ExecuteAsync(new RunOptions { OnlyMissingOutputs = true });
        Assert.Empty(nothing.NodesRun);
        Assert.Equal(["len", "mean_node", "mean_sos", "variance_node"], nothing.NodesSkipped);

        // v missing: variance_node runs, reading m and m2 from their files; len (whose n is in memory) is not needed.
        _project.Delete("v");
        _project.Hook.Clear();
        var one = await session.Variance.ExecuteAsync(new RunOptions { OnlyMissingOutputs = true });
        Assert.Equal(["variance_node"], one.NodesRun);

        // m2 missing too: mean_sos runs, and so does len, whose in-memory n mean_sos needs; mean_node is skipped.
        _project.Delete("v");
        _project.Delete("m2");
        var three = await session.Variance.ExecuteAsync(new RunOptions { OnlyMissingOutputs = true });
        Assert.Equal(["len", "mean_sos", "variance_node"], three.NodesRun);
        Assert.Equal(["mean_node"], three.NodesSkipped);
        Assert.Equal(1.25, _project.ReadDouble("v"));
    }

    /// <summary>
    /// An intermediate value is released as soon as its last reader has run: the node after that reader finds it
    /// collected (a weak reference to it is dead after a full GC).
    /// </summary>
    [Fact]
    public async Task Intermediate_values_are_released_when_no_later_node_reads_them()
    {
        var session = _project.CreateSession();
        Lifetimes.LastCollected = null;
        var summary = await session.Lifetimes.ExecuteAsync(new RunOptions { Runner = RunnerKind.Parallel });
        Assert.Equal(["make_big", "measure", "was_collected"], summary.NodesRun);
        Assert.True(Lifetimes.LastCollected);
    }

    [Fact]
    public async Task Parameter_overrides_are_parsed_into_the_typed_parameters_before_any_node_runs()
    {
        var session = _project.CreateSession();
        await session.Flaky.ExecuteAsync(new RunOptions { ParameterOverrides = ["flaky.scale=2"] });
        Assert.Equal(36.0, _project.ReadDouble("model")); // raw [1, 2, 3] → prepared [2, 3, 4] → features [4, 6, 8] → 18 × 2

        _project.Hook.Clear();
        var error = await Assert.ThrowsAsync<ParameterException>(() => session.Flaky.ExecuteAsync(new RunOptions { ParameterOverrides = ["flaky.scale=big"] }));
        Assert.Contains("flaky.scale", error.Message);
        Assert.Empty(_project.Hook.Started);
    }
}
