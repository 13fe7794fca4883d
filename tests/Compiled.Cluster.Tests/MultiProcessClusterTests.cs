using Compiled.Cluster.Tests.Infrastructure;
using Compiled.Orleans;
using Grid;
using Xunit.Abstractions;

namespace Compiled.Cluster.Tests;

/// <summary>
/// The real thing: three silo processes with Redis membership and this process as the client, on 127.0.0.1. One cluster
/// for the class; the tests run in their <see cref="StepAttribute"/> order, the last one killing a silo.
/// </summary>
[TestCaseOrderer(StepOrderer.TypeName, StepOrderer.AssemblyName)]
public sealed class MultiProcessClusterTests(RedisCluster cluster, ITestOutputHelper output) : IClassFixture<RedisCluster>
{
    private static readonly string[] SiloNames = ["silo-1", "silo-2", "silo-3"];

    [Fact, Step(1)]
    public async Task A_sweep_of_60_runs_returns_60_results_equal_to_local_runs()
    {
        using var local = LocalGrid.CreateSession();
        var parameters = Enumerable.Range(0, 60).Select(i => LocalGrid.WithX(i * 0.5, delayMs: 10)).ToList();

        var runs = await cluster.Client.Pipeline<SquarePipeline>().SweepAsync(parameters, runIdPrefix: "sixty").ToListAsync().AsTask()
            .WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(60, runs.Count);
        Assert.Equal(60, runs.Select(r => r.RunId).Distinct().Count());
        foreach (var run in runs)
        {
            Assert.Equal($"sixty-{run.Index}", run.RunId);
            Assert.Equal((await local.Square.RunAsync(parameters: parameters[run.Index])).Square, run.Result.Square);
        }
    }

    [Fact, Step(2)]
    public async Task A_node_failure_comes_back_with_node_run_id_and_silo()
    {
        var parameters = Enumerable.Range(0, 12).Select(i => LocalGrid.WithX(i, failAt: 7)).ToList();

        var runs = await cluster.Client.Pipeline<SquarePipeline>().SweepAsync(parameters, runIdPrefix: "failing").ToListAsync().AsTask()
            .WaitAsync(TimeSpan.FromMinutes(2));

        var failed = Assert.Single(runs, r => !r.Succeeded);
        Assert.Equal("failing-7", failed.Error!.RunId);
        Assert.Equal("square", failed.Error.Node);
        Assert.Contains(failed.Error.Silo, SiloNames);
        Assert.Equal(11, runs.Count(r => r.Succeeded));
    }

    [Fact, Step(3)]
    public async Task Cancellation_stops_the_remaining_runs()
    {
        // 3 silos × 2 slots: 6 runs start and wait 10 minutes in their node; 24 more wait on the client.
        var parameters = Enumerable.Range(0, 30).Select(i => LocalGrid.WithX(i, delayMs: 600_000)).ToList();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            cluster.Client.Pipeline<SquarePipeline>().SweepAsync(parameters, runIdPrefix: "cancelled", cancellationToken: cancel.Token).ToListAsync().AsTask()
                .WaitAsync(TimeSpan.FromMinutes(1)));

        // Every slot is free again: had the 6 runs gone on, these 6 would wait 10 minutes for a slot, not the minute allowed.
        var quick = Enumerable.Range(0, 6).Select(i => LocalGrid.WithX(i)).ToList();
        using var allowed = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var runs = await cluster.Client.Pipeline<SquarePipeline>().SweepAsync(quick, runIdPrefix: "after-cancel", cancellationToken: allowed.Token).ToListAsync();
        Assert.All(runs, run => Assert.Equal(run.Item.Sweep.X * run.Item.Sweep.X + 1, run.Result.Square));
    }

    [Fact, Step(4)]
    public async Task Batch_scoring_of_10000_inputs_loads_the_artifact_once_per_silo()
    {
        // Each silo preloaded the model when it started, through its session's hooks.
        var preloads = cluster.ReadLoads();
        Assert.Equal(SiloNames.Select(silo => $"{silo} model preload"), preloads.Order(StringComparer.Ordinal));
        var points = Enumerable.Range(0, 10_000).Select(i => new Point(i * 0.01)).ToList();

        var runs = await cluster.Client.Pipeline<ScorePipeline>().BatchAsync(points, chunkSize: 250, runIdPrefix: "batch").ToListAsync().AsTask()
            .WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(10_000, runs.Select(r => r.RunId).Distinct().Count());
        Assert.All(runs, run => Assert.Equal(2.5 * run.Item.X - 1, run.Result.Score));
        // Single runs of the same pipeline carry the point and the score in Orleans' codecs, from process to process.
        var singles = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => cluster.Client.Pipeline<ScorePipeline>().RunAsync(new Point(i))))
            .WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => 2.5 * i - 1), singles.Select(single => single.Score));
        // No chunk or single run loaded it again.
        Assert.Equal(preloads, cluster.ReadLoads());
    }

    [Fact, Step(5)]
    public async Task Killing_the_silo_whose_gateway_carries_every_call_mid_sweep_still_delivers_every_result_exactly_once()
    {
        // Every call of this client, to any of the three silos, and every reply, travels through silo-3's gateway. Killed
        // mid-sweep, silo-3 takes with it its own calls and the replies of silo-1 and silo-2 that were on their way back.
        await using var routed = await RoutedClient.StartAsync(cluster, through: 2);
        var parameters = Enumerable.Range(0, 60).Select(i => LocalGrid.WithX(i, delayMs: 300)).ToList();
        var runs = new List<RemoteRun<GridParameters, SquarePipeline.Result>>();
        // Generous but finite: a run takes 300 ms; a lost reply used to wait for the 5-minute response timeout.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        try
        {
            await foreach (var run in routed.Client.Pipeline<SquarePipeline>().SweepAsync(parameters, runIdPrefix: "killed", cancellationToken: timeout.Token))
            {
                runs.Add(run);
                if (runs.Count != 6) continue;
                cluster.Silos[2].Kill();
                routed.UseOtherGateways();
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"The sweep did not finish: {runs.Count} of 60 results after 2 minutes.");
        }
        finally
        {
            foreach (var line in routed.Log.Lines) output.WriteLine(line);
        }

        Assert.Equal(60, runs.Count);
        Assert.Equal(60, runs.Select(r => r.RunId).Distinct().Count());
        Assert.All(runs, run => Assert.Equal(run.Item.Sweep.X * run.Item.Sweep.X + 1, run.Result.Square));
        // The client saw both faults: the killed silo, and the calls in flight through its gateway.
        Assert.Contains(routed.Log.Lines, line => line.Contains("Silo silo-3 is lost", StringComparison.Ordinal));
        Assert.Contains(routed.Log.Lines, line => line.Contains("A gateway connection closed while", StringComparison.Ordinal));
    }
}
