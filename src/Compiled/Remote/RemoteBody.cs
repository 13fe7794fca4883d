using System.Text.Json;

namespace Compiled;

/// <summary>
/// Writes the runtime inputs of one remote run as the JSON body <see cref="IPipelineContract{TSelf}.RunRequestAsync"/>
/// reads: an object with one property per input. Generated <c>{Pipeline}.Remote.g.cs</c> code calls it.
/// </summary>
/// <remarks>
/// The JSON is written into the calling thread's reusable buffer (<see cref="ReusableJsonWriter"/>) and copied once,
/// into the request's body, by <see cref="ToRequest"/>: a run allocates its body and nothing else to write it.
/// </remarks>
public sealed class RemoteBody
{
    private readonly ReusableJsonWriter _json;
    private readonly JsonSerializerOptions _options;
    private Dictionary<string, string?>? _runtimeValues;

    /// <summary>Starts a body written with <paramref name="options"/>' metadata.</summary>
    /// <param name="options">The options whose resolver has metadata for every runtime input type.</param>
    public RemoteBody(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _json = ReusableJsonWriter.Rent();
        _json.Writer.WriteStartObject();
    }

    /// <summary>Writes runtime input <paramref name="name"/>.</summary>
    /// <typeparam name="T">The input's type.</typeparam>
    /// <param name="name">The input's dataset name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>This body.</returns>
    /// <exception cref="InvalidOperationException">The options have no metadata for <typeparamref name="T"/>; says how to add it.</exception>
    public RemoteBody Input<T>(string name, T value)
    {
        _json.Writer.WritePropertyName(name);
        JsonSerializer.Serialize(_json.Writer, value, RemoteJson.TypeInfo<T>(_options));
        return this;
    }

    /// <summary>Sets the catalog's <c>${runtime:…}</c> value <paramref name="name"/> for the run (as a route value of the serving contract).</summary>
    /// <param name="name">The value's name in the catalog.</param>
    /// <param name="value">Its value; null for the catalog's default.</param>
    /// <returns>This body.</returns>
    public RemoteBody RuntimeValue(string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is not null) (_runtimeValues ??= new(StringComparer.Ordinal))[name] = value;
        return this;
    }

    /// <summary>Ends the body and makes the request.</summary>
    /// <param name="runId">The run's id; null for a single run the remote session names.</param>
    /// <param name="index">Its position in its sweep or batch.</param>
    /// <param name="parameters">Its parameters.</param>
    public RemoteRequest ToRequest(string? runId, int index, RemoteParameters parameters)
    {
        _json.Writer.WriteEndObject();
        return new RemoteRequest(runId, index, _json.ToArrayAndReturn(), parameters) { RuntimeValues = _runtimeValues };
    }
}
