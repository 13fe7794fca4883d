using Compiled;
using Xunit;

namespace Orders.Tests;

/// <summary>
/// A pipeline's <c>PrepareUnobserved</c> (issue #16, docs/prepared-runs.md, "Unobserved"): the artifacts and parameter values
/// of <c>Prepare</c>, refused in a session with hooks (before anything is loaded); its runs give what <c>Run</c> gives, name
/// their failures unless the pipeline opts out, and keep their artifact when the session releases it.
/// </summary>
public sealed class PreparedUnobservedTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public PreparedUnobservedTests() => _project.WriteModel(2.0);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void An_unobserved_run_returns_what_Run_and_the_prepared_run_return()
    {
        using var session = _project.CreateSession();
        var scoring = session.Scoring.PrepareUnobserved();
        var quote = session.Quote.PrepareUnobserved();
        var parameters = session.Parameters.WithOverrides("pricing.discount=0.5", "pricing.currency=USD");
        var custom = session.Quote.PrepareUnobserved(parameters);

        Assert.Equal(6.0, scoring.Run(3).Score);
        Assert.Equal(session.Scoring.Run(3), scoring.Run(3));
        Assert.Equal(session.Quote.Prepare().Run(new QuoteRequest("gadget", 2)), quote.Run(new QuoteRequest("gadget", 2)));
        Assert.Same(parameters, custom.Parameters);
        Assert.Equal("5.00 USD", custom.Run(new QuoteRequest("widget", 1)).QuoteText);
        Assert.Equal(1, _project.ModelLoads); // the session's slot: one load for Run, Prepare and PrepareUnobserved
    }

    [Fact]
    public void A_session_with_hooks_refuses_it_before_loading_anything()
    {
        var hook = new RecordingHook();
        using var session = _project.CreateSession(hooks: hook);

        var error = Assert.Throws<InvalidOperationException>(() => session.Scoring.PrepareUnobserved());

        Assert.Equal(
            "Pipeline 'scoring' cannot be prepared unobserved: this session has hooks, and an unobserved run would not call them. " +
            "Use Prepare(), whose runs call the hooks, or create the session without hooks.", error.Message);
        Assert.Equal(0, _project.ModelLoads);
        Assert.Empty(hook.Events);
        Assert.False(session.IsPreloaded(session.Catalog.ScoringModel));
    }

    [Fact]
    public void A_node_failure_names_the_node_and_the_run_unless_the_pipeline_opts_out()
    {
        using var session = _project.CreateSession();

        var attributed = Assert.Throws<PipelineRunException>(() =>
            session.Quote.PrepareUnobserved().Run(new QuoteRequest("widget", -1), runId: "unobserved-1"));
        var second = Assert.Throws<PipelineRunException>(() =>
            session.Quote.PrepareUnobserved(session.Parameters.WithOverrides("pricing.currency=XXX")).Run(new QuoteRequest("widget", 1)));
        var unattributed = Assert.Throws<ArgumentOutOfRangeException>(() =>
            session.QuoteUnattributed.PrepareUnobserved().Run(new QuoteRequest("widget", -1), runId: "unobserved-2"));

        Assert.Equal(("quote", "unobserved-1"), (attributed.NodeName, attributed.RunId));
        Assert.Equal(["quote", "format"], attributed.NotRun);
        Assert.IsType<ArgumentOutOfRangeException>(attributed.InnerException);
        Assert.Equal("format", second.NodeName);
        Assert.False(string.IsNullOrEmpty(second.RunId));
        Assert.Equal("request", unattributed.ParamName);
    }

    [Fact]
    public void A_cancelled_token_is_not_checked_between_nodes()
    {
        // The documented trade: the token goes to nodes that take one; none of these does, so the run completes.
        using var session = _project.CreateSession();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Equal(6.0, session.Scoring.PrepareUnobserved().Run(3, cancellationToken: cancellation.Token).Score);
        Assert.ThrowsAny<OperationCanceledException>(() => session.Scoring.Prepare().Run(3, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void A_default_value_is_not_tested_for_but_an_attributed_failure_names_the_mistake()
    {
        var unprepared = default(ScoringPipeline.PreparedUnobserved);

        // The node is called with a null model (no test on the run's path); the failure handler names the mistake.
        var run = Assert.Throws<InvalidOperationException>(() => unprepared.Run(3));
        var parameters = Assert.Throws<InvalidOperationException>(() => unprepared.Parameters);

        Assert.Equal(
            "This ScoringPipeline.PreparedUnobserved is a default value and holds no artifacts: get one from the pipeline's PrepareUnobserved().",
            run.Message);
        Assert.Equal(run.Message, parameters.Message);
    }

    [Fact]
    public void Release_does_not_reach_it_and_a_failed_load_keeps_nothing()
    {
        using var session = _project.CreateSession();
        var before = session.Scoring.PrepareUnobserved();
        _project.WriteModel(10.0);
        Assert.True(session.Release(session.Catalog.ScoringModel));

        Assert.Equal(6.0, before.Run(3).Score);
        Assert.Equal(30.0, session.Scoring.PrepareUnobserved().Run(3).Score);

        Assert.True(session.Release(session.Catalog.ScoringModel));
        File.Delete(_project.ModelFile);
        var error = Assert.Throws<DatasetException>(() => session.Scoring.PrepareUnobserved());
        Assert.Equal("scoring_model", error.DatasetName);
        Assert.False(session.IsPreloaded(session.Catalog.ScoringModel));

        _project.WriteModel(5.0);
        Assert.Equal(15.0, session.Scoring.PrepareUnobserved().Run(3).Score);
        Assert.Equal(4, _project.ModelLoads); // 2.0, 10.0, the failed one, 5.0
        Assert.Equal(6.0, before.Run(3).Score);
    }
}
