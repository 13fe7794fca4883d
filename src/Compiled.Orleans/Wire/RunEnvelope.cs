namespace Compiled.Orleans.Wire;

/// <summary>
/// One run as it travels to a silo: the pipeline (by its class's full name), the <see cref="RemoteRequest"/>'s JSON
/// body and parameters, and the caller's trace context (W3C <c>traceparent</c>/<c>tracestate</c>).
/// </summary>
[GenerateSerializer, Immutable]
internal sealed record RunEnvelope(
    string Pipeline,
    string RunId,
    int Index,
    byte[] Body,
    string ParametersType,
    byte[] Parameters,
    string? TraceParent,
    string? TraceState);
