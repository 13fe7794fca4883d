using Compiled;
using Xunit;

namespace Orders.Tests;

/// <summary>
/// Disposing a session disposes the artifacts it holds (preloaded, or loaded by its runs), each once, whichever of
/// Dispose and DisposeAsync is called and however often; a disposed session starts no run and preloads nothing.
/// </summary>
public sealed class DisposalTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Disposing_disposes_each_disposable_artifact_once()
    {
        var session = _project.CreateSession();
        var model = session.Preload(new ArtifactDataset<CountingArtifact>("model"));
        var asyncModel = session.Preload(new ArtifactDataset<AsyncCountingArtifact>("async_model"));
        var prices = session.Preload(session.Catalog.PriceTable); // not disposable: left alone

        session.Dispose();
        session.Dispose();
        await session.DisposeAsync();

        Assert.Equal(1, model.Disposals);
        Assert.Equal(1, asyncModel.Disposals);
        Assert.NotNull(prices);
        Assert.False(session.IsPreloaded(session.Catalog.PriceTable));
    }

    [Fact]
    public async Task DisposeAsync_disposes_asynchronously_once()
    {
        var session = _project.CreateSession();
        var model = session.Preload(new ArtifactDataset<AsyncCountingArtifact>("async_model"));
        var syncModel = session.Preload(new ArtifactDataset<CountingArtifact>("model"));

        await session.DisposeAsync();
        await session.DisposeAsync();
        session.Dispose();

        Assert.Equal(1, model.Disposals);
        Assert.Equal(1, syncModel.Disposals);
    }

    [Fact]
    public void An_artifact_a_run_loaded_is_disposed_too()
    {
        var session = _project.CreateSession();
        session.Quote.Run(new QuoteRequest("widget", 1)); // loads the price_table artifact
        Assert.True(session.IsPreloaded(session.Catalog.PriceTable));

        session.Dispose();

        Assert.False(session.IsPreloaded(session.Catalog.PriceTable));
    }

    [Fact]
    public void A_disposed_session_refuses_runs_and_preloads()
    {
        var session = _project.CreateSession();
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Quote.Run(new QuoteRequest("widget", 1)));
        Assert.Throws<ObjectDisposedException>(() => session.Preload(new ArtifactDataset<CountingArtifact>("model")));
    }

    [Fact]
    public void A_released_artifact_is_not_disposed_by_the_session()
    {
        // Released: the session no longer holds it, and a run may still be using it.
        var session = _project.CreateSession();
        var dataset = new ArtifactDataset<CountingArtifact>("model");
        var model = session.Preload(dataset);
        Assert.True(session.Release(dataset));

        session.Dispose();

        Assert.Equal(0, model.Disposals);
    }

    // An artifact's dataset: each load makes a new TArtifact.
    private sealed class ArtifactDataset<TArtifact>(string name) : IDataset<TArtifact> where TArtifact : new()
    {
        public string Name => name;

        public TArtifact Load() => new();

        public void Save(TArtifact data) => throw new NotSupportedException();

        public bool Exists() => true;
    }

    private sealed class CountingArtifact : IDisposable
    {
        public int Disposals { get; private set; }

        public void Dispose() => Disposals++;
    }

    private sealed class AsyncCountingArtifact : IAsyncDisposable
    {
        public int Disposals { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposals++;
            return ValueTask.CompletedTask;
        }
    }
}
