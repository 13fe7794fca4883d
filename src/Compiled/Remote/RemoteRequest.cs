namespace Compiled;

/// <summary>One run of a <see cref="RemotePipeline{TPipeline}"/>, serialized: what a transport carries to where it runs.</summary>
/// <param name="RunId">The run's id, unique within a sweep or batch; null for a single run the remote session names, as a local run without one.</param>
/// <param name="Index">The position of the run in its sweep or batch (0 for a single run).</param>
/// <param name="Body">The runtime inputs: a JSON object with one property per input, as <see cref="PipelineRequest.Body"/>.</param>
/// <param name="Parameters">The run's parameters, or <see cref="RemoteParameters.None"/> for the session's own.</param>
public sealed record RemoteRequest(string? RunId, int Index, ReadOnlyMemory<byte> Body, RemoteParameters Parameters)
{
    /// <summary>The catalog's <c>${runtime:…}</c> values for this run, as <see cref="PipelineRequest.RuntimeValues"/>; null when it takes none.</summary>
    public IReadOnlyDictionary<string, string?>? RuntimeValues { get; init; }

    /// <summary>A new run id, as a session makes one: the UTC time and a random suffix.</summary>
    public static string NewRunId() => $"{DateTime.UtcNow:yyyy-MM-ddTHH.mm.ss.fffZ}-{Guid.NewGuid():N}"[..32];
}
