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
                if (found) return JsonSerializer.Deserialize(ref reader, RemoteJson.TypeInfo<T>(_options))!;
                reader.Skip();
            }
        }

        throw new InvalidDataException(
            $"The reply of run '{_runId ?? "(named by the remote session)"}' has no output '{name}': the silos run another version of the project; " +
            "deploy the same build to clients and silos.");
    }
}
