using Compiled.Orleans;
using Microsoft.Extensions.Logging;

namespace Spaceflights.Cluster;

/// <summary>How every silo of the sample holds the Spaceflights project.</summary>
internal static class SiloSetup
{
    public static ISiloBuilder AddSpaceflights(this ISiloBuilder silo, string projectPath, int slots) =>
        silo.AddCompiledSession<SpaceflightsSession>(o =>
        {
            o.ProjectPath = projectPath;
            o.JsonTypeInfoResolver = ClusterJsonContext.Default;
            o.MaxConcurrentRuns = slots;
            // The regressor is preloaded when the silo starts, once it has been trained; before that (a fresh checkout),
            // the first prediction on each silo loads it, once.
            if (!Directory.Exists(Path.Combine(projectPath, "data", "06_models", "regressor.json"))) o.Preload = [];
        });

    public static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);
}
