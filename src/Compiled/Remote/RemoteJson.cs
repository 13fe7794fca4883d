using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Compiled;

/// <summary>
/// Writes and reads one value that crosses the wire of a remote run through the metadata of the options' resolver, never
/// through reflection; a type the resolver does not list is an error that names it and says how to list it. Generated
/// <c>{Project}Parameters.Remote.g.cs</c> code calls it for the parameters' values.
/// </summary>
public static class RemoteJson
{
    /// <summary>Writes <paramref name="value"/> with the metadata of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The options whose resolver has metadata for <typeparamref name="T"/>.</param>
    /// <exception cref="InvalidOperationException">The options have no metadata for <typeparamref name="T"/>; says how to add it.</exception>
    public static void Write<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, TypeInfo<T>(options));

    /// <summary>Reads a <typeparamref name="T"/> with its metadata; <paramref name="reader"/> is on the value's first token.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The options whose resolver has metadata for <typeparamref name="T"/>.</param>
    /// <exception cref="InvalidOperationException">The options have no metadata for <typeparamref name="T"/>; says how to add it.</exception>
    public static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, TypeInfo<T>(options))!;

    /// <summary>Reads the start of a record's JSON object; <paramref name="reader"/> is before it.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="record">The record's parameters path, for the error.</param>
    /// <exception cref="JsonException">The next token does not start an object.</exception>
    public static void StartObject(ref Utf8JsonReader reader, string record)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The '{record}' parameters must be a JSON object, not {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next property of a record's object: true on its name, false at the object's end.</summary>
    /// <param name="reader">The reader, inside the object.</param>
    /// <exception cref="JsonException">The JSON ends early.</exception>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new JsonException("The parameters' JSON ends before its object does.");
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>The error for a property the record does not have; <paramref name="reader"/> is on its name.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="record">The record's parameters path.</param>
    public static JsonException UnknownProperty(ref Utf8JsonReader reader, string record) =>
        new($"The '{record}' parameters have no '{reader.GetString()}'.");

    /// <summary>The error for a property the record needs and the JSON does not have.</summary>
    /// <param name="name">The property's YAML key.</param>
    /// <param name="record">The record's parameters path.</param>
    public static JsonException MissingProperty(string name, string record) =>
        new($"The '{record}' parameters lack '{name}'.");

    /// <summary>
    /// Options for what crosses the wire: the metadata of <paramref name="resolver"/> (the application's runtime inputs,
    /// outputs and parameter types), then source-generated metadata for the scalars and lists parameters hold. Nothing
    /// falls back to reflection.
    /// </summary>
    /// <param name="resolver">The application's metadata, such as a <see cref="System.Text.Json.Serialization.JsonSerializerContext"/>.</param>
    public static JsonSerializerOptions Options(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(resolver, RemoteValuesJsonContext.Default) };
    }

    // The metadata is looked up once per type and options (a reference comparison after that), not in the options' dictionary per value.
    internal static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options)
    {
        if (options.TypeInfoResolver is not null)
        {
            try
            {
                return JsonTypeInfoCache<T>.Get(options);
            }
            catch (NotSupportedException)
            {
                // No metadata for T: the error below says how to add it.
            }
        }

        var type = Datasets.DatasetErrors.TypeName(typeof(T));
        var named = typeof(T).Namespace is { Length: > 0 } space ? $"{space}.{type}" : type;
        throw new InvalidOperationException(
            $"The remote pipeline's JSON options have no serialization metadata for {named}, which crosses the wire (a runtime input, an output " +
            $"or a parameter's value). List it in a JsonSerializerContext ([JsonSerializable(typeof({type}))]) and pass the context as the " +
            "JsonTypeInfoResolver of the client's and the silos' options (CompiledClientOptions, CompiledSiloOptions).");
    }
}
