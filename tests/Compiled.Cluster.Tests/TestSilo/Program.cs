using System.Net;
using Compiled.Orleans;
using Grid;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

// A silo of the Grid project for the multi-process cluster tests: Redis membership, loopback endpoints. Prints
// "READY <pid>" once the silo has joined the cluster and preloaded its session; stops on SIGTERM.
var options = Arguments.Parse(args);
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.UseOrleans(silo =>
{
    silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(options["redis"]))
        .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options["cluster"], "compiled-cluster-tests"))
        .Configure<SiloOptions>(o => o.SiloName = options["name"])
        .ConfigureEndpoints(IPAddress.Loopback, int.Parse(options["silo-port"]), int.Parse(options["gateway-port"]), listenOnAnyHostAddress: false)
        .AddCompiledSession<GridSession>(o =>
        {
            o.ProjectPath = AppContext.BaseDirectory;
            o.Environment = "local";
            o.JsonTypeInfoResolver = GridJsonContext.Default;
            o.MaxConcurrentRuns = int.Parse(options["slots"]);
            // The model is preloaded when the silo starts, through the hooks, which count it; every run then shares it.
            o.Hooks.Add(new LoadCounter(options["name"], options.GetValueOrDefault("loads-file")));
        });
});

using var host = builder.Build();
await host.StartAsync();
Console.WriteLine($"READY {Environment.ProcessId}");
await host.WaitForShutdownAsync();
return 0;

/// <summary>The silo's command line: <c>-name value</c> pairs.</summary>
internal static class Arguments
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["slots"] = "4" };
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        foreach (var required in new[] { "redis", "cluster", "silo-port", "gateway-port", "name" })
        {
            if (!values.ContainsKey(required)) throw new ArgumentException($"Missing -{required}. Usage: -redis HOST:PORT -cluster ID -silo-port N -gateway-port N -name NAME [-slots N] [-loads-file PATH]");
        }

        return values;
    }
}
