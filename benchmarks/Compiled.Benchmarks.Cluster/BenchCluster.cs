using Compiled.Orleans;
using Grid;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
            // The session's per-run log lines (category Compiled.Run, Information) off, as the bare grain call writes none: TestCluster
            // silos log to a file, and four lines per run would measure the logger, not the dispatch.
            siloBuilder.Services.AddLogging(logging => logging.AddFilter("Compiled.Run", LogLevel.Warning));
            if (siloBuilder.Configuration["Project"] == "spaceflights")
            {
                siloBuilder.AddCompiledSession<SpaceflightsSession>(o =>
                {
                    (o.ProjectPath, o.JsonTypeInfoResolver, o.MaxConcurrentRuns, o.Tracing) = (ProjectPaths.Spaceflights, SpaceflightsJsonContext.Default, 2, false);
                    // Nothing preloaded: the sweep trains (data_science) and predicts nothing, and a fresh checkout has no regressor yet.
                    o.Preload = [];
                });
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
            clientBuilder.AddCompiledClient(o => o.JsonTypeInfoResolver = JsonTypeInfoResolver.Combine(GridJsonContext.Default, SpaceflightsJsonContext.Default));
    }
}
