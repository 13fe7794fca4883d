using System.Net;
using Compiled.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Spaceflights.Cluster;
using StackExchange.Redis;

// The Spaceflights project across a cluster of Orleans silos (docs/scale-out.md):
//   local              three silos in this process (localhost clustering), then the sweep and the batch on them;
//   silo  --redis …    one silo of a real cluster, with Redis as the membership table; run it N times (own ports);
//   sweep --redis …    a client of that cluster: the sweep and the batch.
ClusterArguments arguments;
try
{
    arguments = ClusterArguments.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var project = arguments.ProjectPath;
switch (arguments.Command)
{
    case "silo":
    {
        var builder = Host.CreateApplicationBuilder();
        SiloSetup.Quiet(builder.Logging);
        builder.UseOrleans(silo => silo
            .UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(arguments.Get("redis", "")))
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (arguments.ClusterId, "spaceflights"))
            .Configure<SiloOptions>(o => o.SiloName = arguments.Get("name", $"silo-{Environment.ProcessId}"))
            .ConfigureEndpoints(IPAddress.Loopback, arguments.Get("port", 11111), arguments.Get("gateway", 30000), listenOnAnyHostAddress: false)
            .AddSpaceflights(project, arguments.Get("slots", Environment.ProcessorCount)));
        using var host = builder.Build();
        await host.StartAsync(cancel.Token);
        Console.WriteLine($"silo {arguments.Get("name", $"silo-{Environment.ProcessId}")} is up (pid {Environment.ProcessId}); Ctrl+C stops it.");
        await host.WaitForShutdownAsync(cancel.Token);
        return 0;
    }

    case "sweep":
    {
        var builder = Host.CreateApplicationBuilder();
        SiloSetup.Quiet(builder.Logging);
        builder.UseOrleansClient(client => client
            .UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(arguments.Get("redis", "")))
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (arguments.ClusterId, "spaceflights"))
            .AddCompiledClient(o => o.JsonTypeInfoResolver = ClusterJsonContext.Default));
        using var host = builder.Build();
        await host.StartAsync(cancel.Token);
        await Workload.RunAsync(host.Services.GetRequiredService<IClusterClient>(), arguments.Get("rows", 10_000), cancel.Token);
        await host.StopAsync();
        return 0;
    }

    default:
    {
        // Local mode: three silos in this process on localhost clustering (the first is the primary), and a client.
        var silos = new List<IHost>();
        var primary = new IPEndPoint(IPAddress.Loopback, 11111);
        for (var i = 0; i < 3; i++)
        {
            var builder = Host.CreateApplicationBuilder();
            SiloSetup.Quiet(builder.Logging);
            var index = i;
            builder.UseOrleans(silo => silo
                .UseLocalhostClustering(siloPort: 11111 + index, gatewayPort: 30000 + index, primarySiloEndpoint: primary, serviceId: "spaceflights", clusterId: arguments.ClusterId)
                .Configure<SiloOptions>(o => o.SiloName = $"silo-{index + 1}")
                .AddSpaceflights(project, slots: 1));
            var host = builder.Build();
            await host.StartAsync(cancel.Token);
            silos.Add(host);
        }

        var clientBuilder = Host.CreateApplicationBuilder();
        SiloSetup.Quiet(clientBuilder.Logging);
        clientBuilder.UseOrleansClient(client => client
            .UseLocalhostClustering(gatewayPorts: [30000, 30001, 30002], serviceId: "spaceflights", clusterId: arguments.ClusterId)
            .AddCompiledClient(o => o.JsonTypeInfoResolver = ClusterJsonContext.Default));
        using var clientHost = clientBuilder.Build();
        await clientHost.StartAsync(cancel.Token);
        Console.WriteLine("local mode: 3 silos in this process, one run at a time each");
        await Workload.RunAsync(clientHost.Services.GetRequiredService<IClusterClient>(), arguments.Get("rows", 10_000), cancel.Token);
        await clientHost.StopAsync();
        foreach (var silo in Enumerable.Reverse(silos))
        {
            await silo.StopAsync();
            silo.Dispose();
        }

        return 0;
    }
}
