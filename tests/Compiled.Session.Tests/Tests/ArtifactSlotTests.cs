using Compiled;
using Compiled.Runners;
using Xunit;

namespace Orders.Tests;

/// <summary>
/// An artifact's slot (the field a generated pipeline reads the artifact from): loaded exactly once however many runs
/// need it first, a failed load kept by no one, emptied by Release, and each session's own. The scoring pipeline's model
/// is a dataset type of the project's own that counts its loads per file.
/// </summary>
public sealed class ArtifactSlotTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public ArtifactSlotTests() => _project.WriteModel(2.0);

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData(false)] // the unobserved run: the slot is read without a run context
    [InlineData(true)] // with a hook: the observed run, which loads through the run so that hooks see the load
    public async Task Sixty_four_concurrent_first_runs_load_the_artifact_once(bool hooked)
    {
        var hook = new RecordingHook();
        using var session = hooked ? _project.CreateSession(hooks: hook) : _project.CreateSession();
        var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 64).Select(i => Task.Run(() =>
        {
            start.Wait();
            return session.Scoring.Run(i).Score;
        })).ToArray();
        start.Set();
        var scores = await Task.WhenAll(runs);

        Assert.Equal(Enumerable.Range(0, 64).Select(i => 2.0 * i), scores);
        Assert.Equal(1, _project.ModelLoads);
        Assert.True(session.IsPreloaded(session.Catalog.ScoringModel));
        if (hooked) Assert.Equal(1, hook.Count("after_load"));
    }

    [Fact]
    public void A_failed_load_is_not_kept_and_the_next_run_loads_again()
    {
        using var session = _project.CreateSession();
        File.Delete(_project.ModelFile);

        var error = Assert.Throws<PipelineRunException>(() => session.Scoring.Run(3));
        Assert.Equal("score", error.NodeName);
        Assert.IsType<FileNotFoundException>(error.InnerException);
        Assert.False(session.IsPreloaded(session.Catalog.ScoringModel));

        _project.WriteModel(5.0);
        Assert.Equal(15.0, session.Scoring.Run(3).Score);
        Assert.Equal(2, _project.ModelLoads);
        Assert.True(session.IsPreloaded(session.Catalog.ScoringModel));
    }

    [Fact]
    public void Release_empties_the_slot_and_the_next_run_loads_the_new_artifact()
    {
        using var session = _project.CreateSession();
        Assert.Equal(6.0, session.Scoring.Run(3).Score);

        _project.WriteModel(10.0);
        Assert.Equal(6.0, session.Scoring.Run(3).Score); // held: the file is not read again
        Assert.True(session.Release(session.Catalog.ScoringModel));
        Assert.False(session.IsPreloaded(session.Catalog.ScoringModel));
        Assert.False(session.Release(session.Catalog.ScoringModel)); // nothing held any more

        Assert.Equal(30.0, session.Scoring.Run(3).Score);
        Assert.Equal(2, _project.ModelLoads);
    }

    [Fact]
    public async Task Preload_fills_the_slot_that_runs_and_node_by_node_runs_read()
    {
        using var session = _project.CreateSession();
        var model = session.Preload(session.Catalog.ScoringModel);

        Assert.Equal(8.0, session.Scoring.Run(4).Score);
        var summary = await session.Scoring.ExecuteAsync(new RunOptions { Inputs = new Dictionary<string, object?> { ["score_request"] = 4.0 } });
        Assert.Equal(["score"], summary.NodesRun);
        Assert.Same(model, session.Preload(session.Catalog.ScoringModel));
        Assert.Equal(1, _project.ModelLoads);
    }

    [Fact]
    public void Preload_reports_the_load_through_the_hooks_like_a_runs_dataset_load()
    {
        var hook = new RecordingHook();
        using var session = _project.CreateSession(hooks: hook);

        session.Preload(session.Catalog.ScoringModel);
        Assert.Equal(8.0, session.Scoring.Run(4).Score);

        Assert.Equal(1, _project.ModelLoads);
        Assert.Equal(1, hook.Count("before_load"));
        Assert.Equal(1, hook.Count("after_load"));
        Assert.Equal("scoring_model", hook.Events.First().Split(':')[1]);
    }

    [Fact]
    public void Two_sessions_do_not_share_an_artifact()
    {
        using var first = _project.CreateSession();
        using var second = _project.CreateSession();
        Assert.Equal(2.0, first.Scoring.Run(1).Score);
        Assert.False(second.IsPreloaded(second.Catalog.ScoringModel));

        _project.WriteModel(7.0);
        Assert.Equal(7.0, second.Scoring.Run(1).Score); // its own load, of the new file
        Assert.Equal(2.0, first.Scoring.Run(1).Score);
        Assert.Equal(2, _project.ModelLoads);

        first.Release(first.Catalog.ScoringModel);
        Assert.True(second.IsPreloaded(second.Catalog.ScoringModel));
        first.Dispose();
        Assert.Equal(7.0, second.Scoring.Run(1).Score);
        Assert.Throws<ObjectDisposedException>(() => first.Scoring.Run(1));
    }
}
