using Compiled;

namespace Orbits;

/// <summary>Two stations, each the Telemetry modular pipeline under its own namespace, and a report over both.</summary>
[Pipeline(typeof(Reporting))]
[Include(typeof(Telemetry), Namespace = "north")]
[Include(typeof(Telemetry), Namespace = "south")]
public sealed partial class DefaultPipeline;

/// <summary>The whole of it inside one more namespace: modular pipelines nested in 'fleet' (the readings stay shared).</summary>
[Pipeline(Name = "nested")]
[Include(typeof(DefaultPipeline), Namespace = "fleet", Inputs = ["north.readings", "south.readings"])]
public sealed partial class NestedPipeline;
