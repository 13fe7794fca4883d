using Compiled;

namespace Orbits;

/// <summary>Two stations, each the Telemetry modular pipeline under its own namespace, and a report over both.</summary>
[Pipeline(typeof(Reporting))]
[Include(typeof(Telemetry), Namespace = "north")]
[Include(typeof(Telemetry), Namespace = "south")]
public sealed partial class DefaultPipeline;
