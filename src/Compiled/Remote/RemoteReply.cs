namespace Compiled;

/// <summary>What came back from one remote run: its result as JSON, or its failure.</summary>
/// <param name="RunId">The run's id; null for a single run that succeeded without one given (the remote session named it).</param>
/// <param name="Index">The position of the run in its sweep or batch.</param>
/// <param name="Result">The result: a JSON object with one property per output, as <see cref="IPipelineContract{TSelf}.RunRequestAsync"/> writes it; empty when the run failed.</param>
/// <param name="Error">Why the run failed; null when it succeeded.</param>
public sealed record RemoteReply(string? RunId, int Index, ReadOnlyMemory<byte> Result, RemoteRunError? Error);
