namespace Compiled.Orleans.Wire;

/// <summary>One run of a sweep or batch as it travels to a silo: the pipeline (by its class's full name), the run's position, its <see cref="RemoteRequest"/>'s JSON body and its details.</summary>
[GenerateSerializer, Immutable]
internal sealed record RunEnvelope(string Pipeline, int Index, byte[] Body, RunDetails Details);
