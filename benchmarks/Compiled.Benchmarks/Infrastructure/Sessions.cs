namespace Compiled.Benchmarks.Infrastructure;

/// <summary>Creates the sessions the benchmarks run on (once per benchmark process, in [GlobalSetup]).</summary>
public static class Sessions
{
    /// <summary>A session with no hooks and no logging: the generated <c>Run</c> at its cheapest.</summary>
    public static BenchmarksSession Plain() =>
        BenchmarksProject.CreateSession(new SessionOptions { ProjectPath = ProjectDirectory.Path, Environment = "base" });

    /// <summary>A session with one registered <see cref="NoOpHook"/>.</summary>
    public static BenchmarksSession WithNoOpHook() =>
        BenchmarksProject.CreateSession(new SessionOptions { ProjectPath = ProjectDirectory.Path, Environment = "base", Hooks = [new NoOpHook()] });
}
