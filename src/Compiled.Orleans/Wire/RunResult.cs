namespace Compiled.Orleans.Wire;

/// <summary>What a silo sends back for a single run: the result JSON, or the failure (with the node, the run id and the silo).</summary>
[GenerateSerializer, Immutable]
internal sealed record RunResult(byte[] Result, RunFailure? Failure);
