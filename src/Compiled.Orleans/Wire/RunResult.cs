namespace Compiled.Orleans.Wire;

/// <summary>
/// What one run on a silo produced: the result JSON, or the failure (with the node, the run id and the silo). Not sent as
/// such: a single run replies with <see cref="RunReply"/>'s bytes, a chunk with <see cref="RunOutcome"/>s.
/// </summary>
internal readonly record struct RunResult(byte[] Result, RunFailure? Failure);
