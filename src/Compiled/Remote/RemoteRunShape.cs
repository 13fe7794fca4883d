using System.ComponentModel;
using System.Text.Json;

namespace Compiled;

/// <summary>
/// How a single remote run of one pipeline travels: its runtime inputs (<typeparamref name="TInputs"/>: the input itself, or a
/// tuple of several) and its outputs (<typeparamref name="TOutputs"/>) as typed values where the transport can carry the type
/// of every one of them (<see cref="CanCarry"/>), and otherwise as the serving contract's JSON. Generated
/// <c>{Pipeline}.Remote.g.cs</c> code makes one per pipeline (a static field); user code does not.
/// </summary>
/// <typeparam name="TInputs">The runtime inputs of one run.</typeparam>
/// <typeparam name="TOutputs">The outputs of one run.</typeparam>
/// <typeparam name="TResult">The pipeline's typed <c>Result</c>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RemoteRunShape<TInputs, TOutputs, TResult>
{
    private readonly Func<IRemoteValueTypes, bool> _canCarry;

    /// <summary>Describes the run.</summary>
    /// <param name="canCarry">Asks the transport about the type of each runtime input and output: whether it can carry them all typed.</param>
    /// <param name="toRequest">Writes the inputs as the JSON request of the serving contract (run id, parameters, JSON options).</param>
    /// <param name="readReply">Reads the pipeline's result from a JSON reply; throws <see cref="RemoteRunException"/> for a failed run.</param>
    /// <param name="readOutputs">Makes the pipeline's result from the typed outputs.</param>
    public RemoteRunShape(
        Func<IRemoteValueTypes, bool> canCarry,
        Func<TInputs, string?, RemoteParameters, JsonSerializerOptions, RemoteRequest> toRequest,
        Func<RemoteReply, JsonSerializerOptions, TResult> readReply,
        Func<TOutputs, TResult> readOutputs)
    {
        ArgumentNullException.ThrowIfNull(canCarry);
        ArgumentNullException.ThrowIfNull(toRequest);
        ArgumentNullException.ThrowIfNull(readReply);
        ArgumentNullException.ThrowIfNull(readOutputs);
        (_canCarry, ToRequest, ReadReply, ReadOutputs) = (canCarry, toRequest, readReply, readOutputs);
    }

    /// <summary>Whether <paramref name="transport"/> can carry every runtime input and output typed.</summary>
    /// <param name="transport">The transport's serializer.</param>
    public bool CanCarry(IRemoteValueTypes transport) => _canCarry(transport);

    /// <summary>Writes the inputs as the JSON request of the serving contract.</summary>
    public Func<TInputs, string?, RemoteParameters, JsonSerializerOptions, RemoteRequest> ToRequest { get; }

    /// <summary>Reads the pipeline's result from a JSON reply.</summary>
    public Func<RemoteReply, JsonSerializerOptions, TResult> ReadReply { get; }

    /// <summary>Makes the pipeline's result from the typed outputs.</summary>
    public Func<TOutputs, TResult> ReadOutputs { get; }
}
