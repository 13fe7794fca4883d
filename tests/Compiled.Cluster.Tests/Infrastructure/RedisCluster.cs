using Compiled.Orleans;
using Grid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Compiled.Cluster.Tests.Infrastructure;

/// <summary>
/// A real cluster on 127.0.0.1: redis-server as the membership table, three silo processes (TestSilo, two runs at once
/// each, the model preloaded at start through the hooks, each load written to its file of <see cref="LoadsFiles"/>),
/// and this process as the client. Started once for a test class, stopped (every process killed) after it.
/// </summary>
public sealed class RedisCluster : IAsyncLifetime
{
    private readonly List<ChildProcess> _silos = [];
    private RedisServer? _redis;
    private IHost? _client;

    public const string ServiceId = "compiled-cluster-tests";

    public string ClusterId { get; } = $"grid-{Guid.NewGuid():N}";

    /// <summary>The gateway port of each silo, in the order of <see cref="Silos"/>.</summary>
    public IReadOnlyList<int> GatewayPorts { get; } = [FreePort.Next(), FreePort.Next(), FreePort.Next()];

    /// <summary>
    /// One file per silo, in the order of <see cref="Silos"/>, to which the silo appends a line per load of the model: three
    /// processes appending to one file at their start could write over each other's line (an append opens the file and
    /// seeks to its end; it is not atomic), and a preload would be missing.
    /// </summary>
    public IReadOnlyList<string> LoadsFiles { get; } =
        [.. Enumerable.Range(1, 3).Select(i => Path.Combine(Path.GetTempPath(), $"compiled-cluster-loads-{Guid.NewGuid():N}-silo-{i}.txt"))];

    /// <summary>Every load the silos have written so far, silo by silo.</summary>
    public string[] ReadLoads() => [.. LoadsFiles.Where(File.Exists).SelectMany(File.ReadAllLines)];

    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    internal IReadOnlyList<ChildProcess> Silos => _silos;

    internal string RedisEndpoint => _redis!.Endpoint;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        var silo = Path.Combine(AppContext.BaseDirectory, "Compiled.Cluster.TestSilo.dll");
        var started = Enumerable.Range(1, 3).Select(i => ChildProcess.StartAsync($"silo-{i}", "dotnet",
            [silo, "-redis", _redis.Endpoint, "-cluster", ClusterId, "-silo-port", FreePort.Next().ToString(), "-gateway-port", GatewayPorts[i - 1].ToString(),
             "-name", $"silo-{i}", "-slots", "2", "-loads-file", LoadsFiles[i - 1]],
            readyPrefix: "READY", timeout: TimeSpan.FromSeconds(120)));
        _silos.AddRange(await Task.WhenAll(started));

        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client
            .UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(_redis.Endpoint))
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId))
            .AddCompiledClient(o => o.JsonTypeInfoResolver = GridJsonContext.Default));
        _client = builder.Build();
        await _client.StartAsync();
        var management = Client.GetGrain<IManagementGrain>(0);
        for (var i = 0; i < 300 && (await management.GetHosts(onlyActive: true)).Count < 3; i++) await Task.Delay(100);
    }

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _client.StopAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                // The silos are being killed anyway.
            }

            _client.Dispose();
        }

        foreach (var silo in _silos) await silo.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        foreach (var file in LoadsFiles) File.Delete(file);
    }
}
