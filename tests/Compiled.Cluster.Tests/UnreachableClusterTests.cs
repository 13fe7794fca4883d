using Compiled.Cluster.Tests.Infrastructure;
using Compiled.Orleans;
using Grid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Compiled.Cluster.Tests;

/// <summary>
/// A client whose cluster cannot be reached gets Compiled's error, naming the cluster, what was tried and what to do,
/// after <see cref="CompiledClientOptions.ConnectTimeout"/>: never a hang, never only Orleans' own message.
/// </summary>
public sealed class UnreachableClusterTests
{
    [Fact]
    public async Task A_cluster_whose_gateway_does_not_answer_is_an_error_naming_the_cluster_and_the_gateway()
    {
        var port = FreePort.Next();

        var error = await StartAndRunAsync(client => client.UseLocalhostClustering(gatewayPort: port, serviceId: "nobody", clusterId: "nowhere"));

        Assert.Contains("cluster 'nowhere' (service 'nobody') cannot be reached", error.Message);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Contains("CompiledClientOptions.ConnectTimeout", error.Message);
        Assert.Contains("Start the cluster's silos", error.Message);
    }

    [Fact]
    public async Task A_cluster_whose_redis_does_not_answer_is_an_error_naming_the_cluster_and_the_redis_address_tried()
    {
        var port = FreePort.Next();

        var error = await StartAndRunAsync(client => client
            .UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse($"127.0.0.1:{port},connectTimeout=500"))
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("nowhere", "nobody")));

        Assert.Contains("cluster 'nowhere' (service 'nobody') cannot be reached", error.Message);
        Assert.Contains($"its gateways could not be listed (RedisGatewayListProvider, Redis at 127.0.0.1:{port}:", error.Message);
        Assert.Contains("the gateway or Redis address", error.Message);
    }

    private static async Task<RemotePipelineException> StartAndRunAsync(Action<IClientBuilder> clustering)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            clustering(client);
            client.AddCompiledClient(o => (o.ConnectTimeout, o.JsonTypeInfoResolver) = (TimeSpan.FromSeconds(2), GridJsonContext.Default));
        });
        using var host = builder.Build();

        return await Assert.ThrowsAsync<RemotePipelineException>(async () =>
        {
            await host.StartAsync();
            await host.Services.GetRequiredService<IClusterClient>().Pipeline<SquarePipeline>().RunAsync();
        }).WaitAsync(TimeSpan.FromMinutes(1));
    }
}
