namespace Spaceflights.Cluster;

/// <summary>The program's command line: a command, then <c>--name value</c> pairs.</summary>
/// <param name="Command"><c>silo</c>, <c>sweep</c> or <c>local</c>.</param>
/// <param name="Values">The options given.</param>
internal sealed record ClusterArguments(string Command, IReadOnlyDictionary<string, string> Values)
{
    public const string Usage = """
        Usage:
          dotnet run --project samples/Spaceflights.Cluster                      local mode: 3 silos in this process, then the sweep and the batch
          dotnet run --project samples/Spaceflights.Cluster -- silo --redis 127.0.0.1:6379 --port 11111 --gateway 30000 [--name silo-1] [--slots 2]
          dotnet run --project samples/Spaceflights.Cluster -- sweep --redis 127.0.0.1:6379 [--rows 10000]
        Options everywhere: --project DIR (the Spaceflights project, default samples/Spaceflights), --cluster ID (default spaceflights).
        """;

    public static ClusterArguments Parse(string[] args)
    {
        var named = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal);
        var command = named ? args[0] : "local";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = named ? 1 : 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"Expected --name value at '{args[i]}'.\n{Usage}");
            values[args[i][2..]] = args[i + 1];
        }

        if (command is not ("local" or "silo" or "sweep")) throw new ArgumentException($"Unknown command '{command}'.\n{Usage}");
        if (command is "silo" or "sweep" && !values.ContainsKey("redis")) throw new ArgumentException($"'{command}' needs --redis HOST:PORT.\n{Usage}");
        return new ClusterArguments(command, values);
    }

    public string Get(string name, string fallback) => Values.TryGetValue(name, out var value) ? value : fallback;

    public int Get(string name, int fallback) => Values.TryGetValue(name, out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    /// <summary>The Spaceflights project directory, which every silo must reach (a shared disk, the same path on every machine).</summary>
    public string ProjectPath => Path.GetFullPath(Get("project", Path.Combine("samples", "Spaceflights")));

    public string ClusterId => Get("cluster", "spaceflights");
}
