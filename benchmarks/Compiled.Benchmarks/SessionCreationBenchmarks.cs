using BenchmarkDotNet.Attributes;
using Compiled.Benchmarks.Infrastructure;
using Compiled.Config;

namespace Compiled.Benchmarks;

/// <summary>
/// What creating a session costs (issue 3): reading and merging the configuration of
/// samples/Spaceflights (conf/base + conf/local: catalog, globals, credentials, parameters), and a
/// whole <c>CreateSession</c> of this project. Nothing is opened or loaded either way.
/// </summary>
[MemoryDiagnoser]
public class SessionCreationBenchmarks
{
    private string _spaceflights = null!;

    [GlobalSetup]
    public void Setup()
    {
        var repository = Path.GetFullPath(Path.Combine(ProjectDirectory.Path, "..", ".."));
        _spaceflights = Path.Combine(repository, "samples", "Spaceflights");
        if (!Directory.Exists(Path.Combine(_spaceflights, "conf", "base")))
        {
            throw new InvalidOperationException($"samples/Spaceflights/conf/base not found under '{repository}'.");
        }
    }

    [Benchmark(Baseline = true, Description = "Spaceflights conf: ProjectConfig.Load (local)")]
    public ProjectConfig LoadSpaceflightsConfig() => ProjectConfig.Load(_spaceflights, "local");

    [Benchmark(Description = "CreateSession (this project, base)")]
    public BenchmarksSession CreateSession() => Sessions.Plain();
}
