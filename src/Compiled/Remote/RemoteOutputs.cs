using System.Text.Json;

namespace Compiled;

/// <summary>
/// Reads the outputs of a remote run from its reply (the JSON object <see cref="IPipelineContract{TSelf}.RunRequestAsync"/>
/// wrote), each through the metadata of its type. Generated <c>{Pipeline}.Remote.g.cs</c> code calls it to build the
/// pipeline's typed <c>Result</c>. The reply is read in place (a pass over its few properties per output), not parsed into a document.
/// </summary>
public readonly struct RemoteOutputs
{
    private readonly ReadOnlyMemory<byte> _result;
    private readonly JsonSerializerOptions _options;
    private readonly string? _runId;

    private RemoteOutputs(ReadOnlyMemory<byte> result, JsonSerializerOptions options, string? runId)
    {
        _result = result;
        _options = options;
        _runId = runId;
    }

    /// <summary>Opens the outputs of <paramref name="reply"/>.</summary>
    /// <param name="reply">The reply of a run.</param>
    /// <param name="options">The options whose resolver has metadata for every output type.</param>
    /// <exception cref="RemoteRunException">The run failed; names the node, the run id and the silo.</exception>
    public static RemoteOutputs Read(RemoteReply reply, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(options);
        if (reply.Error is not null) throw new RemoteRunException(reply.Error);
        return new RemoteOutputs(reply.Result, options, reply.RunId);
    }

    /// <summary>The output <paramref name="name"/>.</summary>
    /// <typeparam name="T">The output's type.</typeparam>
    /// <param name="name">The output's dataset name.</param>
    /// <exception cref="InvalidDataException">The reply has no such output (the silo runs another version of the project).</exception>
    public T Get<T>(string name)
    {
        var reader = new Utf8JsonReader(_result.Span);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var found = reader.ValueTextEquals(name);
                reader.Read();
                if (found) return ReadValue<T>(ref reader);
                reader.Skip();
            }
        }

        throw new InvalidDataException(
            $"The reply of run '{_runId ?? "(named by the remote session)"}' has no output '{name}': the silos run another version of the project; " +
            "deploy the same build to clients and silos.");
    }

    // A double, int or long the built-in converter reads is read off the number token directly, as the serving contract
    // writes it (PipelineRequest.WriteOutput); anything else goes through its metadata.
    private T ReadValue<T>(ref Utf8JsonReader reader)
    {
        var typeInfo = RemoteJson.TypeInfo<T>(_options);
        if (reader.TokenType == JsonTokenType.Number && JsonTypeInfoCache<T>.IsPlainNumber(typeInfo))
        {
            // A number that does not fit falls through to the converter, whose error says so.
            if (typeof(T) == typeof(double) && reader.TryGetDouble(out var real)) return (T)(object)real;
            if (typeof(T) == typeof(int) && reader.TryGetInt32(out var integer)) return (T)(object)integer;
            if (typeof(T) == typeof(long) && reader.TryGetInt64(out var big)) return (T)(object)big;
        }

        return JsonSerializer.Deserialize(ref reader, typeInfo)!;
    }
}
