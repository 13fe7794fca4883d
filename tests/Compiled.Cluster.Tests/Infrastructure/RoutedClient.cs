using System.Net;
using Compiled.Orleans;
using Grid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Messaging;

namespace Compiled.Cluster.Tests.Infrastructure;

/// <summary>
/// A second client of a <see cref="RedisCluster"/> that knows one gateway only, so that every call it makes (to any silo)
/// travels through that silo's gateway, and its reply back through it. Orleans does not fail a call whose gateway died: it
/// waits for its response timeout. <see cref="UseOtherGateways"/> then gives it the other silos' gateways.
/// </summary>
internal sealed class RoutedClient : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Gateways _gateways;

    private RoutedClient(IHost host, Gateways gateways, LogLines log) => (_host, _gateways, Log) = (host, gateways, log);

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>What the client logged: its remote runs at Debug, Orleans' warnings.</summary>
    public LogLines Log { get; }

    /// <summary>Starts a client whose only gateway is that of <paramref name="cluster"/>'s silo <paramref name="through"/>.</summary>
    public static async Task<RoutedClient> StartAsync(RedisCluster cluster, int through)
    {
        var gateways = new Gateways(cluster.GatewayPorts, through);
        var builder = Host.CreateApplicationBuilder();
        var log = new LogLines();
        builder.Logging.ClearProviders().AddProvider(log).AddFilter("Orleans", LogLevel.Warning).AddFilter("Compiled.Orleans.Client", LogLevel.Debug);
        builder.UseOrleansClient(orleans =>
        {
            orleans.Services.AddSingleton<IGatewayListProvider>(gateways);
            orleans.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, RedisCluster.ServiceId))
                // Read the gateway list every second (and at once when no gateway is left).
                .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1))
                .AddCompiledClient(o => o.JsonTypeInfoResolver = GridJsonContext.Default);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new RoutedClient(host, gateways, log);
    }

    /// <summary>From now on the client's gateways are those of every silo but the one it went through.</summary>
    public void UseOtherGateways() => _gateways.Others();

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _host.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // A silo it knew was killed.
        }

        _host.Dispose();
    }

    private sealed class Gateways(IReadOnlyList<int> ports, int through) : IGatewayListProvider
    {
        private volatile IList<Uri> _current = [Uri(ports[through])];

        public TimeSpan MaxStaleness => TimeSpan.FromMinutes(1);

        [Obsolete("Orleans considers every provider updatable.")]
        public bool IsUpdatable => true;

        public void Others() => _current = ports.Where((_, i) => i != through).Select(Uri).ToList();

        public Task InitializeGatewayListProvider() => Task.CompletedTask;

        public Task<IList<Uri>> GetGateways() => Task.FromResult(_current);

        private static Uri Uri(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 0).ToGatewayUri();
    }
}
