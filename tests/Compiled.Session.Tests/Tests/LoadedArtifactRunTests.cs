using Compiled;
using Xunit;

namespace Orders.Tests;

/// <summary>
/// The two hot bodies of <c>Run</c> (issue #16): a run whose artifacts are all loaded reads them before its first node;
/// any other run takes the loading body, which loads each artifact before the first node that reads it. Both give the
/// same results and the same failures.
/// </summary>
public sealed class LoadedArtifactRunTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public LoadedArtifactRunTests() => _project.WriteModel(2.0);

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Runs_before_and_after_the_artifact_is_loaded_agree_and_load_it_once()
    {
        using var session = _project.CreateSession();

        var loading = session.Scoring.Run(3).Score; // the slot is empty: the loading body
        var loaded = session.Scoring.Run(3).Score; // the slot holds the model: read before the node

        Assert.Equal(6.0, loading);
        Assert.Equal(loading, loaded);
        Assert.Equal(1, CountingModelDataset.Loads(_project.ModelFile));
    }

    [Fact]
    public void After_Release_the_next_run_loads_the_new_artifact()
    {
        using var session = _project.CreateSession();
        session.Preload(session.Catalog.ScoringModel);
        Assert.Equal(6.0, session.Scoring.Run(3).Score);

        _project.WriteModel(4.0);
        session.Release(session.Catalog.ScoringModel);

        Assert.Equal(12.0, session.Scoring.Run(3).Score);
        Assert.Equal(12.0, session.Scoring.Run(3).Score);
        Assert.Equal(2, CountingModelDataset.Loads(_project.ModelFile));
    }

    [Theory]
    [InlineData(false)] // the first run: the loading body
    [InlineData(true)] // the artifact preloaded: the body that reads it before the first node
    public void A_node_failure_names_the_node_the_run_and_what_did_not_run(bool preloaded)
    {
        using var session = _project.CreateSession();
        if (preloaded) session.Preload(session.Catalog.PriceTable);

        var error = Assert.Throws<PipelineRunException>(() => session.Quote.Run(new QuoteRequest("widget", -1), runId: "negative"));

        Assert.Equal("quote", error.PipelineName);
        Assert.Equal("quote", error.NodeName);
        Assert.Equal("negative", error.RunId);
        Assert.Equal(["quote", "format"], error.NotRun);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.StartsWith("9.00 ", session.Quote.Run(new QuoteRequest("widget", 1)).QuoteText); // the session still runs
    }

    [Fact]
    public void A_node_failure_with_the_artifact_loaded_gets_a_run_id_when_the_caller_gives_none()
    {
        using var session = _project.CreateSession();
        session.Preload(session.Catalog.PriceTable);

        var first = Assert.Throws<PipelineRunException>(() => session.Quote.Run(new QuoteRequest("widget", -1)));
        var second = Assert.Throws<PipelineRunException>(() => session.Quote.Run(new QuoteRequest("widget", -1)));

        Assert.False(string.IsNullOrEmpty(first.RunId));
        Assert.NotEqual(first.RunId, second.RunId);
    }

    [Fact]
    public void With_hooks_a_run_whose_artifact_is_loaded_still_calls_them()
    {
        var hook = new RecordingHook();
        using var session = _project.CreateSession(hooks: hook);
        session.Preload(session.Catalog.ScoringModel);
        hook.Events.Clear();

        Assert.Equal(8.0, session.Scoring.Run(4).Score);

        Assert.Equal(["before_pipeline:scoring", "before_node:score", "after_node:score", "after_pipeline:scoring"], hook.Events.ToArray());
    }
}
