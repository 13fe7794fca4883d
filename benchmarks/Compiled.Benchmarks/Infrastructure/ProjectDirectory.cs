using System.Reflection;

namespace Compiled.Benchmarks.Infrastructure;

/// <summary>
/// The benchmark project's directory (the one holding <c>conf/base</c>), given to every session as
/// <see cref="SessionOptions.ProjectPath"/>. BenchmarkDotNet runs each benchmark in a child process
/// started from its own folder under <c>bin/</c>, and the parent may be started from anywhere (the
/// repository root, or a sample's folder whose own <c>conf/base</c> the session's default search would
/// find first), so the path is not left to that search: it is the project directory recorded at build
/// time (the <c>CompiledProjectPath</c> assembly metadata set in the .csproj), or else the nearest
/// folder above the application's directory that holds this project's .csproj and <c>conf/base</c>.
/// </summary>
public static class ProjectDirectory
{
    /// <summary>The project directory.</summary>
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        var recorded = typeof(ProjectDirectory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "CompiledProjectPath")?.Value;
        if (recorded is not null && HasConf(recorded)) return recorded;

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Compiled.Benchmarks.csproj")) && HasConf(directory.FullName))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Cannot find benchmarks/Compiled.Benchmarks (with conf/base) from '{recorded}' or above '{AppContext.BaseDirectory}'.");
    }

    private static bool HasConf(string directory) => Directory.Exists(System.IO.Path.Combine(directory, "conf", "base"));
}
