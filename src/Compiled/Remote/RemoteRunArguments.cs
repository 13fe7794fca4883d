using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Compiled;

/// <summary>
/// What a remote run whose inputs arrived as typed values carries beside them: its run id and its parameters record (as
/// <see cref="PipelineRequest"/> carries them for a JSON request). Generated <see cref="IRemoteRunContract{TSelf, TInputs, TOutputs}"/> code reads it.
/// </summary>
/// <param name="RunId">The run's id; null for the session to name the run.</param>
/// <param name="Parameters">The run's parameters, or <see cref="RemoteParameters.None"/> for the session's own.</param>
/// <param name="JsonOptions">The options (and metadata) the parameters record is read with.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct RemoteRunArguments(string? RunId, RemoteParameters Parameters, JsonSerializerOptions JsonOptions)
{
    /// <summary>The run's parameters record, or null when the run has none.</summary>
    /// <typeparam name="T">The project's parameters record.</typeparam>
    /// <exception cref="PipelineRequestException">The record is of another type, or its JSON is not a <typeparamref name="T"/>; names both records.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T? ReadParameters<T>() where T : class, IRemoteParameters<T> => Parameters.IsNone ? null : Parameters.ReadRecord<T>(JsonOptions);
}
