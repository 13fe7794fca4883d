using Compiled.Orleans;
using Grid;
using Orleans.TestingHost;

namespace Compiled.Cluster.Tests.Infrastructure;

/// <summary>Two in-process silos running the Grid project (two runs at once each), and a client; shared by a test class.</summary>
public sealed class InProcessCluster : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<GridSilo>();
        builder.AddClientBuilderConfigurator<GridClient>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class GridSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var name = siloBuilder.Configuration["SiloName"] ?? "silo";
            siloBuilder.AddCompiledSession<GridSession>(o =>
            {
                o.ProjectPath = AppContext.BaseDirectory;
                o.Environment = "local";
                o.JsonTypeInfoResolver = GridJsonContext.Default;
                o.MaxConcurrentRuns = 2;
                o.Hooks.Add(SiloProbe.For(name));
            });
        }
    }

    private sealed class GridClient : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddCompiledClient(o => o.JsonTypeInfoResolver = GridJsonContext.Default);
    }
}
