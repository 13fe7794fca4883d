namespace Compiled.Orleans;

/// <summary>
/// How a silo creates its project's session and runs its pipelines (<see cref="CompiledSiloBuilderExtensions.AddCompiledSession{TSession}"/>).
/// </summary>
/// <remarks>
/// <see cref="HostedSessionOptions.JsonTypeInfoResolver"/> is required on a silo: it is the JSON metadata of what crosses the
/// wire (runtime inputs, outputs, the types of parameter values such as a <c>[Param]</c>'s record) as well as of the
/// catalog's <c>json</c> datasets, a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> listing those types;
/// nothing falls back to reflection. Give the clients the same resolver (<see cref="CompiledClientOptions.JsonTypeInfoResolver"/>).
/// The generated parameters record writes itself (<see cref="IRemoteParameters{TSelf}"/>); scalars and lists of scalars need
/// no listing. Every silo must reach the data its catalog names (<see cref="HostedSessionOptions.ProjectPath"/> on a shared
/// disk, or object storage through <see cref="HostedSessionOptions.FileStores"/>).
/// </remarks>
public sealed class CompiledSiloOptions : HostedSessionOptions
{
    /// <summary>Hooks of the silo's session, called around every run, node and dataset access on this silo.</summary>
    public IList<PipelineHook> Hooks { get; } = [];

    /// <summary>How many runs (a sweep's runs, a batch's chunks) this silo runs at once; more wait. Defaults to the processor count.</summary>
    public int MaxConcurrentRuns { get; set; } = System.Environment.ProcessorCount;
}
