using Compiled;
using Xunit;

namespace Orders.Tests;

/// <summary>
/// A pipeline's <c>Prepare</c> (issue #16, docs/prepared-runs.md): the artifacts loaded through the session's slots and the
/// parameter values read once, held by the prepared run; its runs give what <c>Run</c> gives, name their failures, call
/// the hooks, and keep their artifact when the session releases it.
/// </summary>
public sealed class PreparedRunTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public PreparedRunTests() => _project.WriteModel(2.0);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_prepared_run_returns_what_Run_returns()
    {
        using var session = _project.CreateSession();
        var scoring = session.Scoring.Prepare();
        var quote = session.Quote.Prepare();

        Assert.Equal(session.Scoring.Run(3).Score, scoring.Run(3).Score);
        Assert.Equal(6.0, scoring.Run(3).Score);
        Assert.Equal(session.Quote.Run(new QuoteRequest("gadget", 2)), quote.Run(new QuoteRequest("gadget", 2)));
        Assert.StartsWith("180.00 ", quote.Run(new QuoteRequest("gadget", 2)).QuoteText); // 100 * 2 * (1 - 0.1)
    }

    [Fact]
    public void Prepare_loads_through_the_session_slot_once_and_runs_share_the_copy()
    {
        using var session = _project.CreateSession();

        var first = session.Scoring.Prepare();
        Assert.True(session.IsPreloaded(session.Catalog.ScoringModel));
        var second = session.Scoring.Prepare();
        Assert.Equal(6.0, session.Scoring.Run(3).Score);

        Assert.Equal(first.Run(3), second.Run(3));
        Assert.Equal(1, _project.ModelLoads);
    }

    [Fact]
    public void Prepare_captures_the_parameters_it_is_given_or_the_session_s()
    {
        using var session = _project.CreateSession();
        var parameters = session.Parameters.WithOverrides("pricing.discount=0.5", "pricing.currency=USD");

        var custom = session.Quote.Prepare(parameters);
        var standard = session.Quote.Prepare();

        Assert.Same(parameters, custom.Parameters);
        Assert.Same(session.Parameters, standard.Parameters);
        Assert.Equal("5.00 USD", custom.Run(new QuoteRequest("widget", 1)).QuoteText);
        Assert.Equal(session.Quote.Run(new QuoteRequest("widget", 1)), standard.Run(new QuoteRequest("widget", 1)));
        Assert.Equal(session.Quote.Run(new QuoteRequest("widget", 1), parameters: parameters), custom.Run(new QuoteRequest("widget", 1)));
    }

    [Fact]
    public void A_node_failure_names_the_node_the_run_and_what_did_not_run()
    {
        using var session = _project.CreateSession();
        var quote = session.Quote.Prepare();

        var error = Assert.Throws<PipelineRunException>(() => quote.Run(new QuoteRequest("widget", -1), runId: "prepared-1"));

        Assert.Equal("quote", error.PipelineName);
        Assert.Equal("quote", error.NodeName);
        Assert.Equal("prepared-1", error.RunId);
        Assert.Equal(["quote", "format"], error.NotRun);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        var generated = Assert.Throws<PipelineRunException>(() => quote.Run(new QuoteRequest("widget", -1)));
        Assert.False(string.IsNullOrEmpty(generated.RunId));
    }

    [Fact]
    public void A_failure_of_the_second_node_names_it_in_the_prepared_run_and_in_Run()
    {
        // Each node of the hot bodies has a try region of its own: the handler of the second names the second.
        using var session = _project.CreateSession();
        var parameters = session.Parameters.WithOverrides("pricing.currency=XXX");
        var quote = session.Quote.Prepare(parameters);

        var prepared = Assert.Throws<PipelineRunException>(() => quote.Run(new QuoteRequest("widget", 1), runId: "second-node"));
        var run = Assert.Throws<PipelineRunException>(() => session.Quote.Run(new QuoteRequest("widget", 1), parameters, runId: "second-node"));

        foreach (var error in new[] { prepared, run })
        {
            Assert.Equal("format", error.NodeName);
            Assert.Equal("second-node", error.RunId);
            Assert.Equal(["format"], error.NotRun);
            Assert.Equal("currency", Assert.IsType<ArgumentException>(error.InnerException).ParamName);
        }
    }

    [Fact]
    public void A_default_prepared_value_says_to_call_Prepare()
    {
        // Prepared is a readonly struct (held in a caller's field like a model): its default value holds nothing.
        var unprepared = default(ScoringPipeline.Prepared);

        var run = Assert.Throws<InvalidOperationException>(() => unprepared.Run(3));
        var parameters = Assert.Throws<InvalidOperationException>(() => unprepared.Parameters);

        Assert.Equal("This ScoringPipeline.Prepared is a default value and holds no artifacts: get one from the pipeline's Prepare().", run.Message);
        Assert.Equal(run.Message, parameters.Message);
    }

    [Fact]
    public void An_unattributed_pipeline_s_prepared_run_lets_the_node_exception_through_without_hooks()
    {
        using var session = _project.CreateSession();
        var quote = session.QuoteUnattributed.Prepare();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => quote.Run(new QuoteRequest("widget", -1)));

        Assert.Equal("request", error.ParamName);
        using var cancellation = new CancellationTokenSource();
        var attributed = Assert.Throws<PipelineRunException>(() =>
            quote.Run(new QuoteRequest("widget", -1), runId: "cancellable", cancellationToken: cancellation.Token));
        Assert.Equal("quote", attributed.NodeName);
        Assert.Equal("cancellable", attributed.RunId);
    }

    [Fact]
    public void With_hooks_Prepare_reports_the_load_and_every_prepared_run_calls_the_hooks()
    {
        var hook = new RecordingHook();
        using var session = _project.CreateSession(hooks: hook);

        var scoring = session.Scoring.Prepare();
        Assert.Equal(["before_load:scoring_model", "after_load:scoring_model"], hook.Events.ToArray());
        hook.Events.Clear();

        Assert.Equal(8.0, scoring.Run(4, runId: "hooked").Score);
        Assert.Equal(["before_pipeline:scoring", "before_node:score", "after_node:score", "after_pipeline:scoring"], hook.Events.ToArray());
        Assert.Contains("hooked", hook.RunIds);

        var quote = session.Quote.Prepare();
        hook.Events.Clear();
        var error = Assert.Throws<PipelineRunException>(() => quote.Run(new QuoteRequest("widget", -1), runId: "hooked-failure"));
        Assert.Equal("hooked-failure", error.RunId);
        Assert.Equal(["before_pipeline:quote", "before_node:quote", "node_error:quote", "pipeline_error:quote"], hook.Events.ToArray());
    }

    [Fact]
    public void A_cancelled_token_stops_a_prepared_run_before_its_first_node()
    {
        using var session = _project.CreateSession();
        var scoring = session.Scoring.Prepare();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => scoring.Run(3, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void A_failed_load_at_Prepare_names_the_artifact_keeps_nothing_and_the_next_Prepare_loads_again()
    {
        using var session = _project.CreateSession();
        File.Delete(_project.ModelFile);

        var error = Assert.Throws<DatasetException>(() => session.Scoring.Prepare());

        Assert.Equal("scoring_model", error.DatasetName);
        Assert.Contains("'scoring_model'", error.Message);
        Assert.Contains("'scoring'", error.Message);
        Assert.IsType<FileNotFoundException>(error.InnerException);
        Assert.False(session.IsPreloaded(session.Catalog.ScoringModel));

        _project.WriteModel(5.0);
        Assert.Equal(15.0, session.Scoring.Prepare().Run(3).Score);
        Assert.Equal(2, _project.ModelLoads);
    }

    [Fact]
    public void Release_does_not_reach_a_prepared_run_and_a_new_Prepare_takes_the_reloaded_artifact()
    {
        using var session = _project.CreateSession();
        var before = session.Scoring.Prepare();

        _project.WriteModel(10.0);
        Assert.True(session.Release(session.Catalog.ScoringModel));

        Assert.Equal(6.0, before.Run(3).Score); // the artifact it captured
        Assert.Equal(30.0, session.Scoring.Run(3).Score); // the session loads the new one
        Assert.Equal(6.0, before.Run(3).Score);
        Assert.Equal(30.0, session.Scoring.Prepare().Run(3).Score);
        Assert.Equal(2, _project.ModelLoads);
    }

    [Fact]
    public void A_disposed_session_prepares_nothing()
    {
        var session = _project.CreateSession();
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Scoring.Prepare());
    }
}
