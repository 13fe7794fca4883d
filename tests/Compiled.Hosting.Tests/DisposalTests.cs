using Microsoft.Extensions.DependencyInjection;
using Spaceflights;
using Spaceflights.Api;
using Spaceflights.Model;
using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>When the host stops, it disposes the session, which disposes its disposable artifacts and starts no more runs.</summary>
public sealed class DisposalTests
{
    [Fact]
    public async Task StoppingTheHost_DisposesTheSession_AndItsArtifacts()
    {
        using var project = SampleProject.Create();
        var api = await RunningApi.StartAsync(project.Path);
        var session = api.Services.GetRequiredService<SpaceflightsSession>();
        var predict = api.Services.GetRequiredService<PredictPipeline>();
        var artifact = session.Preload(new DisposableDataset());
        Assert.True(session.IsPreloaded(session.Catalog.Regressor));

        await api.StopAsync();

        Assert.Equal(1, artifact.Disposals);
        Assert.False(session.IsPreloaded(session.Catalog.Regressor));
        Assert.Throws<ObjectDisposedException>(() => predict.Run(new ShuttleFeatures(2, 4, 2, true, false, true, 0.9, 90)));
    }

    private sealed class DisposableDataset : IDataset<DisposableArtifact>
    {
        public string Name => "disposable_model";

        public DisposableArtifact Load() => new();

        public void Save(DisposableArtifact data) => throw new NotSupportedException();

        public bool Exists() => true;
    }

    private sealed class DisposableArtifact : IAsyncDisposable
    {
        public int Disposals { get; private set; }

        public ValueTask DisposeAsync()
        {
            Disposals++;
            return ValueTask.CompletedTask;
        }
    }
}
