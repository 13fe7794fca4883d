using System.Net;
using System.Net.Sockets;
using Compiled.Orleans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MyNamespace;
#if (spaceflights)
using MyNamespace.Model;
#endif

// The project's pipelines on an Orleans cluster (Compiled.Orleans): every silo holds one session of the project (conf/ and
// data/ of src/ProjectDirName, which every silo must reach), a client runs the pipelines on the silos.
//   dotnet run --project src/ProjectDirName.Cluster                                   one silo and the client in this process
//   dotnet run --project src/ProjectDirName.Cluster -- silo 11111 30000               a silo (silo port, gateway port), until Ctrl+C
//   dotnet run --project src/ProjectDirName.Cluster -- silo 11112 30001 11111         another silo, joining the first (its silo port)
//   dotnet run --project src/ProjectDirName.Cluster -- client 30000 30001             the client, through the silos' gateways
// This is localhost clustering: silos and clients on one machine. Across machines, give the silos and the client a
// membership table instead (Microsoft.Orleans.Clustering.Redis, for one: UseRedisClustering).
var command = args.Length > 0 ? args[0] : "local";
if (command is not ("local" or "silo" or "client") || (command == "silo" && args.Length is not (3 or 4)) || (command == "client" && args.Length < 2)
    || !args.Skip(1).All(a => int.TryParse(a, out var port) && port is > 0 and <= 65535))
{
    Console.Error.WriteLine("Usage: [local] | silo SILO_PORT GATEWAY_PORT [PRIMARY_SILO_PORT] | client GATEWAY_PORT... (ports: 1-65535)");
    return 2;
}

var ports = args.Skip(1).Select(int.Parse).ToArray();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var projectPath = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, "..", "ProjectDirName"));
if (command == "client")
{
    builder.UseOrleansClient(client => client
        .UseLocalhostClustering(gatewayPorts: ports)
        .AddCompiledClient(options =>
        {
            options.JsonTypeInfoResolver = ClusterJsonContext.Default;
            options.ConnectTimeout = TimeSpan.FromSeconds(10); // no gateway answering: fail after 10 s
        }));
}
else
{
    var (siloPort, gatewayPort) = command == "silo" ? (ports[0], ports[1]) : (FreePort(), FreePort());
    var primary = ports.Length == 3 ? new IPEndPoint(IPAddress.Loopback, ports[2]) : null;
    builder.UseOrleans(silo => silo
        .UseLocalhostClustering(siloPort, gatewayPort, primary)
        .AddCompiledSession<MyNamespaceSession>(options =>
        {
            options.ProjectPath = projectPath;
            options.JsonTypeInfoResolver = ClusterJsonContext.Default;
            // The artifacts load on first use, once per silo: a new project has not run its pipelines yet.
            options.Preload = [];
        }));
    // Local mode: this process's client calls the silo it hosts, with the same JSON metadata.
    builder.Services.Configure<CompiledClientOptions>(options => options.JsonTypeInfoResolver = ClusterJsonContext.Default);
}

using var host = builder.Build();
await host.StartAsync(stop.Token);
if (command == "silo")
{
    Console.WriteLine($"silo on ports {ports[0]} (silo) and {ports[1]} (gateway), project {projectPath}; Ctrl+C stops it.");
    await host.WaitForShutdownAsync(stop.Token);
    return 0;
}

// The client: local mode calls the silo it hosts, client mode the silos behind the gateways.
var cluster = host.Services.GetRequiredService<IClusterClient>();
#if (spaceflights)
var metrics = (await cluster.Pipeline<DefaultPipeline>().RunAsync(cancellationToken: stop.Token)).Metrics;
Console.WriteLine($"default on the cluster: r2_score {metrics.R2Score:F4}");
var features = new ShuttleFeatures(
    Engines: 2, PassengerCapacity: 4, Crew: 3, DCheckComplete: true, MoonClearanceComplete: false, IataApproved: true,
    CompanyRating: 0.9, ReviewScoresRating: 95);
var price = (await cluster.Pipeline<PredictPipeline>().RunAsync(features, cancellationToken: stop.Token)).Price;
Console.WriteLine($"predict on the cluster: {price:F2}");
#else
var priceList = (await cluster.Pipeline<DefaultPipeline>().RunAsync(cancellationToken: stop.Token)).PriceList;
Console.WriteLine($"default on the cluster: {priceList.Prices.Count} prices");
var quote = (await cluster.Pipeline<QuotePipeline>().RunAsync(new Order("widget", 3), cancellationToken: stop.Token)).Quote;
Console.WriteLine($"quote on the cluster: {quote.Product} {quote.Total:F2}");
#endif
await host.StopAsync();
return 0;

// A port no other program listens on now (local mode: no fixed port to collide with).
static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
