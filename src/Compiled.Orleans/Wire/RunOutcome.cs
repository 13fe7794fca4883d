namespace Compiled.Orleans.Wire;

/// <summary>What a silo sends back for one run of a sweep or batch: the result JSON, or the failure (with the node, the run id and the silo).</summary>
[GenerateSerializer, Immutable]
internal sealed record RunOutcome(string RunId, int Index, byte[] Result, RunFailure? Failure);
