using System.Text.Json.Serialization.Metadata;

namespace Compiled.Orleans;

/// <summary>How a silo creates its project's session and runs its pipelines (<see cref="CompiledSiloBuilderExtensions.AddCompiledSession{TSession}"/>).</summary>
public sealed class CompiledSiloOptions
{
    /// <summary>The configuration environment (<c>conf/&lt;environment&gt;</c>); defaults as a session's do (<c>COMPILED_ENV</c>, then <c>local</c>).</summary>
    public string? Environment { get; set; }

    /// <summary>
    /// The project directory (holding <c>conf/base</c>); defaults as a session's does (<c>COMPILED_PROJECT_PATH</c>, then a search
    /// upwards). Every silo must reach the data its catalog names: a shared disk mounted at the same path, or object storage.
    /// </summary>
    public string? ProjectPath { get; set; }

    /// <summary>Hooks of the silo's session, called around every run, node and dataset access on this silo.</summary>
    public IList<PipelineHook> Hooks { get; } = [];

    /// <summary>
    /// JSON metadata for what crosses the wire (runtime inputs, outputs, the types of parameter values such as a <c>[Param]</c>'s
    /// record) and for the catalog's <c>json</c> datasets: a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> listing
    /// those types. Required: nothing falls back to reflection. Give the clients the same resolver
    /// (<see cref="CompiledClientOptions.JsonTypeInfoResolver"/>). The generated parameters record writes itself
    /// (<see cref="IRemoteParameters{TSelf}"/>); scalars and lists of scalars need no listing.
    /// </summary>
    public IJsonTypeInfoResolver? JsonTypeInfoResolver { get; set; }

    /// <summary>How many runs (a sweep's runs, a batch's chunks) this silo runs at once; more wait. Defaults to the processor count.</summary>
    public int MaxConcurrentRuns { get; set; } = System.Environment.ProcessorCount;

    /// <summary>The artifacts loaded when the silo starts; null for every artifact the project's pipelines declare.</summary>
    public IReadOnlyList<string>? Preload { get; set; }

    /// <summary>Whether runs are traced through the <c>Compiled</c> activity source (<see cref="TracingHook"/>), joining the caller's trace. On by default.</summary>
    public bool Tracing { get; set; } = true;
}
