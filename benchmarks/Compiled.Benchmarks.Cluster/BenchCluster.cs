using Compiled.Orleans;
using Grid;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Spaceflights;

namespace Compiled.Benchmarks.Cluster;

/// <summary>In-process silos (Orleans' TestCluster) running Grid or Spaceflights, two runs at once each, and a client.</summary>
public static class BenchCluster
{
    public static async Task<TestCluster> StartAsync(int silos, bool spaceflights)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.Properties["Project"] = spaceflights ? "spaceflights" : "grid";
        builder.AddSiloBuilderConfigurator<Silo>();
        builder.AddClientBuilderConfigurator<Client>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class Silo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            if (siloBuilder.Configuration["Project"] == "spaceflights")
            {
                siloBuilder.AddCompiledSession<SpaceflightsSession>(o => (o.ProjectPath, o.MaxConcurrentRuns, o.Tracing) = (ProjectPaths.Spaceflights, 2, false));
            }
            else
            {
                siloBuilder.AddCompiledSession<GridSession>(o =>
                {
                    (o.ProjectPath, o.Environment, o.JsonTypeInfoResolver, o.MaxConcurrentRuns, o.Tracing) = (ProjectPaths.Grid, "local", GridJsonContext.Default, 2, false);
                });
            }
        }
    }

    private sealed class Client : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddCompiledClient(o => o.JsonTypeInfoResolver = GridJsonContext.Default);
    }
}
