namespace Compiled.Orleans.Wire;

/// <summary>
/// What a run carries beside its pipeline and its body: its run id, its parameters record, the caller's trace context
/// (W3C <c>traceparent</c>/<c>tracestate</c>) and the catalog's <c>${runtime:…}</c> values. A single run that has none of
/// them sends none (null), so the common call carries its body and little else.
/// </summary>
[GenerateSerializer, Immutable]
internal sealed record RunDetails(
    string? RunId,
    string ParametersType,
    byte[] Parameters,
    string? TraceParent,
    string? TraceState,
    Dictionary<string, string?>? RuntimeValues);
