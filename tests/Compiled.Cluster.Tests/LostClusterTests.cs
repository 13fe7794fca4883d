using Compiled.Cluster.Tests.Infrastructure;
using Compiled.Orleans;
using Grid;
using Orleans.TestingHost;

namespace Compiled.Cluster.Tests;

/// <summary>
/// A sweep whose every silo dies fails, naming the cluster, instead of waiting for a silo that will not come. Not run beside
/// <see cref="InProcessClusterTests"/>: runs cancelled when its silo dies would count in that class's process-wide counts.
/// </summary>
[Collection(InProcessSilos.Name)]
public sealed class LostClusterTests
{
    [Fact]
    public async Task A_sweep_whose_only_silo_is_killed_fails_naming_the_cluster()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<GridSilo>();
        builder.AddClientBuilderConfigurator<ImpatientClient>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var parameters = Enumerable.Range(0, 40).Select(i => LocalGrid.WithX(i, delayMs: 200)).ToList();
        var delivered = 0;

        var error = await Assert.ThrowsAsync<RemotePipelineException>(async () =>
        {
            await foreach (var run in cluster.Client.Pipeline<SquarePipeline>().SweepAsync(parameters, runIdPrefix: "orphaned")
                .WithCancellation(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token))
            {
                if (++delivered == 1) await cluster.KillSiloAsync(cluster.Silos[0]);
            }
        });

        Assert.True(delivered < 40);
        Assert.Contains($"Orleans cluster '{cluster.Options.ClusterId}' (service '{cluster.Options.ServiceId}')", error.Message);
        Assert.Contains("CompiledClientOptions.DiscoveryTimeout", error.Message);
    }

    // The Grid project's session, without InProcessCluster's hook: its counts belong to the tests of that cluster.
    private sealed class GridSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddCompiledSession<GridSession>(o =>
            {
                o.ProjectPath = AppContext.BaseDirectory;
                o.Environment = "local";
                o.JsonTypeInfoResolver = GridJsonContext.Default;
            });
    }

    private sealed class ImpatientClient : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddCompiledClient(o =>
            {
                o.JsonTypeInfoResolver = GridJsonContext.Default;
                o.DiscoveryTimeout = TimeSpan.FromSeconds(2);
                o.SiloTimeout = TimeSpan.FromSeconds(1);
            });
    }
}
