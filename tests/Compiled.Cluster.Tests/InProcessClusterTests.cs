using System.Diagnostics;
using Compiled.Cluster.Tests.Infrastructure;
using Compiled.Orleans;
using Grid;
using Other;

namespace Compiled.Cluster.Tests;

/// <summary>Remote runs, sweeps, batches, failures, cancellation, tracing and bad input on two in-process silos.</summary>
[Collection(InProcessSilos.Name)]
public sealed partial class InProcessClusterTests(InProcessCluster cluster) : IClassFixture<InProcessCluster>
{
    private static readonly CancellationToken Timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task A_remote_run_returns_the_typed_result_of_the_local_run()
    {
        using var local = LocalGrid.CreateSession();

        var remote = await cluster.Client.Pipeline<ScorePipeline>().RunAsync(new Point(3), cancellationToken: Timeout);

        Assert.Equal(local.Score.Run(new Point(3)), remote);
        Assert.Equal(6.5, remote.Score);
    }

    [Fact]
    public async Task A_remote_run_takes_a_typed_parameters_record()
    {
        var result = await cluster.Client.Pipeline<SquarePipeline>().RunAsync(LocalGrid.WithX(3), runId: "typed-parameters", cancellationToken: Timeout);

        Assert.Equal(10, result.Square);
    }

    [Fact]
    public async Task A_remote_run_carries_the_catalogs_runtime_values()
    {
        using var local = LocalGrid.CreateSession();
        var remote = cluster.Client.Pipeline<CalibratedPipeline>();

        var north = await remote.RunAsync(new Point(1), 2, site: "north", cancellationToken: Timeout);
        var south = await remote.RunAsync(new Point(1), 2, site: "south", cancellationToken: Timeout);

        Assert.Equal(local.Calibrated.Run(new Point(1), 2, site: "north"), north);
        Assert.Equal(103, north.Calibrated);
        Assert.Equal(203, south.Calibrated);
    }

    [Fact]
    public async Task A_run_without_a_required_runtime_value_fails_naming_it_and_the_run_the_silo_named()
    {
        var error = await Assert.ThrowsAsync<RemoteRunException>(() =>
            cluster.Client.Pipeline<CalibratedPipeline>().RunAsync(new Point(1), 2, site: null!, cancellationToken: Timeout));

        Assert.Contains("site", error.Error.Message);
        Assert.False(string.IsNullOrEmpty(error.Error.RunId));
        Assert.Contains(error.Error.Silo, cluster.Cluster.Silos.Select(s => s.Name));
    }

    [Fact]
    public async Task A_batch_of_a_pipeline_with_several_runtime_inputs_runs_each_inputs_record_with_the_runtime_values()
    {
        using var local = LocalGrid.CreateSession();
        var inputs = Enumerable.Range(0, 50).Select(i => new CalibratedPipelineRemote.Inputs(new Point(i), i / 10.0)).ToList();

        var runs = await cluster.Client.Pipeline<CalibratedPipeline>()
            .BatchAsync(inputs, site: "south", chunkSize: 7, runIdPrefix: "calibrated", cancellationToken: Timeout).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"calibrated-{i}").Order(), runs.Select(r => r.RunId).Order());
        Assert.All(runs, run =>
        {
            Assert.Same(inputs[run.Index], run.Item);
            Assert.Equal(local.Calibrated.Run(run.Item.Point, run.Item.Shift, site: "south").Calibrated, run.Result.Calibrated);
        });
    }

    [Fact]
    public async Task A_sweep_streams_every_run_once_with_its_run_id_parameters_and_the_local_result()
    {
        using var local = LocalGrid.CreateSession();
        var parameters = Enumerable.Range(0, 24).Select(i => LocalGrid.WithX(i, delayMs: 20)).ToList();

        var runs = await cluster.Client.Pipeline<SquarePipeline>().SweepAsync(parameters, runIdPrefix: "sweep", cancellationToken: Timeout).ToListAsync();

        Assert.Equal(24, runs.Count);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => $"sweep-{i}").Order(), runs.Select(r => r.RunId).Order());
        foreach (var run in runs)
        {
            Assert.True(run.Succeeded, run.Error?.ToString());
            Assert.Same(parameters[run.Index], run.Item);
            Assert.Equal((await local.Square.RunAsync(parameters: run.Item)).Square, run.Result.Square);
        }
    }

    [Fact]
    public async Task A_failed_run_names_its_node_run_id_and_silo_and_the_others_complete()
    {
        var parameters = Enumerable.Range(0, 8).Select(i => LocalGrid.WithX(i, failAt: 5)).ToList();

        var runs = await cluster.Client.Pipeline<SquarePipeline>().SweepAsync(parameters, runIdPrefix: "fails", cancellationToken: Timeout).ToListAsync();

        var failed = Assert.Single(runs, r => !r.Succeeded);
        Assert.Equal("fails-5", failed.RunId);
        Assert.Equal("square", failed.Error!.Node);
        Assert.Contains(failed.Error.Silo, cluster.Cluster.Silos.Select(s => s.Name));
        Assert.Contains("x = 5 is refused", failed.Error.Message);
        var thrown = Assert.Throws<RemoteRunException>(() => failed.Result);
        Assert.Contains("fails-5", thrown.Message);
        Assert.Contains("'square'", thrown.Message);
        Assert.Contains(failed.Error.Silo, thrown.Message);
        Assert.Equal(7, runs.Count(r => r.Succeeded));
    }

    [Fact]
    public async Task A_single_failed_run_throws_naming_node_run_id_and_silo()
    {
        var error = await Assert.ThrowsAsync<RemoteRunException>(() =>
            cluster.Client.Pipeline<SquarePipeline>().RunAsync(LocalGrid.WithX(4, failAt: 4), runId: "single-failure", cancellationToken: Timeout));

        Assert.Equal("single-failure", error.Error.RunId);
        Assert.Equal("square", error.Error.Node);
        Assert.Contains(error.Error.Silo, cluster.Cluster.Silos.Select(s => s.Name));
    }

    [Fact]
    public async Task Cancelling_a_sweep_cancels_the_runs_on_the_silos_and_starts_no_other()
    {
        // 2 silos × 2 slots: 4 runs start, each waiting 60 s in its node; the other 16 wait on the client for a slot.
        var parameters = Enumerable.Range(0, 20).Select(i => LocalGrid.WithX(i, delayMs: 60_000)).ToList();
        var (startedBefore, completedBefore, cancelledBefore) = (SiloProbe.SquaresStarted, SiloProbe.SquaresCompleted, Grid.Sweep.Cancelled);
        using var cancel = new CancellationTokenSource();
        var sweep = cluster.Client.Pipeline<SquarePipeline>().SweepAsync(parameters, runIdPrefix: "cancelled", cancellationToken: cancel.Token).ToListAsync().AsTask();
        await Until(() => SiloProbe.SquaresStarted == startedBefore + 4);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sweep.WaitAsync(TimeSpan.FromSeconds(30)));
        await Until(() => Grid.Sweep.Cancelled == cancelledBefore + 4);
        Assert.Equal(startedBefore + 4, SiloProbe.SquaresStarted);
        Assert.Equal(completedBefore, SiloProbe.SquaresCompleted);
    }

    // Waits for something the silos do; well within the 60 s a run would otherwise wait.
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition());
    }

    [Fact]
    public async Task A_batch_runs_every_input_with_the_artifact_preloaded_once_per_silo()
    {
        // Each of the two silos preloaded the model when it started, through its session's hooks.
        Assert.Equal(2, SiloProbe.ModelLoads);
        var points = Enumerable.Range(0, 2_000).Select(i => new Point(i)).ToList();

        var runs = await cluster.Client.Pipeline<ScorePipeline>().BatchAsync(points, chunkSize: 100, runIdPrefix: "batch", cancellationToken: Timeout).ToListAsync();

        Assert.Equal(2_000, runs.Select(r => r.RunId).Distinct().Count());
        Assert.All(runs, run => Assert.Equal(2.5 * run.Item.X - 1, run.Result.Score));
        // No run loaded it again.
        Assert.Equal(2, SiloProbe.ModelLoads);
    }

    [Fact]
    public Task A_remote_run_joins_the_callers_trace() =>
        AssertJoinsCallersTrace("traced", () => cluster.Client.Pipeline<SquarePipeline>().RunAsync(LocalGrid.WithX(1), runId: "traced", cancellationToken: Timeout));

    // Runs the run with id runId inside a caller's activity: the run's span and its node's, recorded on the silo, are in the caller's trace.
    private static async Task AssertJoinsCallersTrace(string runId, Func<Task> run)
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is TracingHook.ActivitySourceName or "Compiled.Cluster.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) spans.Add(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("Compiled.Cluster.Tests");

        using var caller = source.StartActivity("caller")!;
        await run();
        lock (spans)
        {
            var remote = spans.Where(s => s.Source.Name == TracingHook.ActivitySourceName && s.Tags.Any(t => t.Value == runId)).ToList();
            Assert.Equal(2, remote.Count);
            Assert.All(remote, span => Assert.Equal(caller.TraceId, span.TraceId));
        }
    }

    [Fact]
    public async Task A_pipeline_no_silo_serves_is_an_error_naming_it_and_what_the_silos_serve()
    {
        var error = await Assert.ThrowsAsync<RemotePipelineException>(() => cluster.Client.Pipeline<EchoPipeline>().RunAsync(cancellationToken: Timeout));

        Assert.Contains("'echo'", error.Message);
        Assert.Contains("Other.EchoPipeline", error.Message);
        Assert.Contains("Grid.GridSession", error.Message);
    }

    [Fact]
    public async Task Parameters_of_another_project_are_refused_naming_both_records()
    {
        var remote = cluster.Client.Pipeline<SquarePipeline>();
        var request = new RemoteBody(remote.JsonOptions).ToRequest("foreign", 0, RemoteParameters.Create(remote.JsonOptions, OtherParameters.Default));

        var reply = await remote.RunAsync(request, static (answer, _) => answer, Timeout);

        Assert.NotNull(reply.Error);
        Assert.Equal("foreign", reply.Error.RunId);
        Assert.Contains("Other.OtherParameters", reply.Error.Message);
        Assert.Contains("Grid.GridParameters", reply.Error.Message);
    }
}
