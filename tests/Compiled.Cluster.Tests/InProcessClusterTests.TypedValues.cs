using Compiled.Cluster.Tests.Infrastructure;
using Compiled.Orleans;
using Compiled.Orleans.Client;
using Grid;

namespace Compiled.Cluster.Tests;

/// <summary>
/// Single runs whose runtime inputs and outputs Orleans' serializer can carry (the scoring pipeline: a <c>[GenerateSerializer]</c>
/// point, a double score) travel in Orleans' codecs; one whose input it cannot (the doubling pipeline's plain record) travels as
/// JSON. Both on two in-process silos.
/// </summary>
/// <remarks>A part of <see cref="InProcessClusterTests"/>: the same two silos, whose artifact loads the batch test counts.</remarks>
public sealed partial class InProcessClusterTests
{
    [Fact]
    public void The_client_carries_typed_only_what_Orleans_has_a_codec_for()
    {
        IRemoteValueTypes types = new ClusterDispatcher(cluster.Client, new CompiledClientOptions { JsonTypeInfoResolver = GridJsonContext.Default });

        Assert.True(types.CanCarry<Point>());
        Assert.True(types.CanCarry<double>());
        Assert.False(types.CanCarry<Reading>());
        Assert.False(types.CanCarry<Calibration>());
    }

    [Fact]
    public async Task A_typed_run_and_a_json_run_each_return_the_local_runs_result()
    {
        using var local = LocalGrid.CreateSession();

        var scores = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => cluster.Client.Pipeline<ScorePipeline>().RunAsync(new Point(i), cancellationToken: Timeout)));
        var doubled = await cluster.Client.Pipeline<DoublePipeline>().RunAsync(new Reading(21), runId: "json-run", cancellationToken: Timeout);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => local.Score.Run(new Point(i))), scores);
        Assert.Equal(42, doubled.Doubled);
    }

    [Fact]
    public async Task Several_inputs_and_outputs_travel_typed_as_tuples()
    {
        using var local = LocalGrid.CreateSession();

        var result = await cluster.Client.Pipeline<OffsetPipeline>().RunAsync(new Point(5), 2, runId: "tuples", cancellationToken: Timeout);

        Assert.Equal(local.Offset.Run(new Point(5), 2), result);
        Assert.Equal((7.0, 3.0), (result.Plus, result.Minus));
    }

    [Fact]
    public async Task A_failed_typed_run_names_the_node_the_run_id_and_the_silo()
    {
        var error = await Assert.ThrowsAsync<RemoteRunException>(() =>
            cluster.Client.Pipeline<ScorePipeline>().RunAsync(new Point(double.NaN), runId: "typed-failure", cancellationToken: Timeout));

        Assert.Equal("typed-failure", error.Error.RunId);
        Assert.Equal("score", error.Error.Node);
        Assert.Contains(error.Error.Silo, cluster.Cluster.Silos.Select(s => s.Name));
        Assert.Equal(typeof(ArgumentException).FullName, error.Error.ErrorType);
        Assert.Contains("not a number", error.Error.Message);
    }

    [Fact]
    public async Task A_failed_typed_run_without_a_run_id_names_the_run_the_silo_named()
    {
        var error = await Assert.ThrowsAsync<RemoteRunException>(() =>
            cluster.Client.Pipeline<ScorePipeline>().RunAsync(new Point(double.NaN), cancellationToken: Timeout));

        Assert.False(string.IsNullOrEmpty(error.Error.RunId));
        Assert.Equal("score", error.Error.Node);
    }

    [Fact]
    public async Task A_typed_run_carries_a_parameters_record_and_a_run_id()
    {
        var result = await cluster.Client.Pipeline<ScorePipeline>().RunAsync(new Point(3), LocalGrid.WithX(3), runId: "typed-parameters", cancellationToken: Timeout);

        Assert.Equal(6.5, result.Score);
    }

    [Fact]
    public Task A_typed_run_joins_the_callers_trace() =>
        AssertJoinsCallersTrace("traced-typed", () => cluster.Client.Pipeline<ScorePipeline>().RunAsync(new Point(2), runId: "traced-typed", cancellationToken: Timeout));
}
