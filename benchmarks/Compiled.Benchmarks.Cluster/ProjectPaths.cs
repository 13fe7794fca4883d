using System.Reflection;

namespace Compiled.Benchmarks.Cluster;

/// <summary>The project directories the silos' sessions read (fixed at build time, see the .csproj).</summary>
public static class ProjectPaths
{
    public static string Benchmarks => Get("BenchmarksPath");

    public static string Grid => Get("GridProjectPath");

    public static string Spaceflights => Get("SpaceflightsProjectPath");

    private static string Get(string key) => Path.GetFullPath(typeof(ProjectPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
}
