using Compiled.Cluster.Tests.Infrastructure;
using Compiled.Orleans;
using Grid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Compiled.Cluster.Tests;

/// <summary>A client whose cluster cannot be reached gets a clear error within a bounded time, never a hang.</summary>
public sealed class UnreachableClusterTests
{
    [Fact]
    public async Task A_cluster_that_cannot_be_reached_is_an_error_naming_it()
    {
        var port = FreePort.Next();
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client
            .UseLocalhostClustering(gatewayPort: port, serviceId: "nobody", clusterId: "nowhere")
            .AddCompiledClient(o => o.ConnectTimeout = TimeSpan.FromSeconds(3)));
        using var host = builder.Build();

        var error = await Record.ExceptionAsync(async () =>
        {
            await host.StartAsync();
            await host.Services.GetRequiredService<IClusterClient>().Pipeline<SquarePipeline>().RunAsync();
        }).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.NotNull(error);
        Assert.Contains($"127.0.0.1:{port}", error.ToString());
    }
}
