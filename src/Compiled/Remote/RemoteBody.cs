using System.Buffers;
using System.Text.Json;

namespace Compiled;

/// <summary>
/// Writes the runtime inputs of one remote run as the JSON body <see cref="IPipelineContract{TSelf}.RunRequestAsync"/>
/// reads: an object with one property per input. Generated <c>{Pipeline}.Remote.g.cs</c> code calls it.
/// </summary>
public sealed class RemoteBody
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;
    private readonly JsonSerializerOptions _options;

    /// <summary>Starts a body written with <paramref name="options"/>' metadata.</summary>
    /// <param name="options">The options whose resolver has metadata for every runtime input type.</param>
    public RemoteBody(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartObject();
    }

    /// <summary>Writes runtime input <paramref name="name"/>.</summary>
    /// <typeparam name="T">The input's type.</typeparam>
    /// <param name="name">The input's dataset name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>This body.</returns>
    /// <exception cref="InvalidOperationException">The options have no metadata for <typeparamref name="T"/>; says how to add it.</exception>
    public RemoteBody Input<T>(string name, T value)
    {
        _writer.WritePropertyName(name);
        JsonSerializer.Serialize(_writer, value, RemoteJson.TypeInfo<T>(_options));
        return this;
    }

    /// <summary>Ends the body and makes the request.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="index">Its position in its sweep or batch.</param>
    /// <param name="parameters">Its parameters.</param>
    public RemoteRequest ToRequest(string runId, int index, RemoteParameters parameters)
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return new RemoteRequest(runId, index, _buffer.WrittenMemory.ToArray(), parameters);
    }
}
