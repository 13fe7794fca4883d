using Compiled;
using Grid;

namespace Compiled.Cluster.Tests.Infrastructure;

/// <summary>The Grid project on a session in this process: what a remote run must equal.</summary>
internal static class LocalGrid
{
    public static GridSession CreateSession() => GridProject.CreateSession(new SessionOptions
    {
        ProjectPath = AppContext.BaseDirectory,
        Environment = "local",
        JsonTypeInfoResolver = GridJsonContext.Default,
    });

    public static GridParameters WithX(double x, int delayMs = 0, double failAt = -1) =>
        GridParameters.Default with { Sweep = new SweepOptions(x, delayMs, failAt) };
}
