using System.Text.Json;

namespace Compiled;

/// <summary>
/// A project's parameters record, written and read as JSON by generated code (<c>{Project}Parameters.Remote.g.cs</c>) so that
/// it crosses the wire of a remote run without reflection: System.Text.Json's source generator cannot see a record another
/// generator makes, so the Compiled generator writes its JSON members itself. Values of the record's properties whose types
/// the record does not define (a <c>[Param]</c>'s own record, a <see cref="double"/>) go through the options' metadata.
/// </summary>
/// <typeparam name="TSelf">The parameters record.</typeparam>
public interface IRemoteParameters<TSelf> where TSelf : class, IRemoteParameters<TSelf>
{
    /// <summary>Writes <paramref name="value"/> as a JSON object with one property per parameter.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">The record.</param>
    /// <param name="options">The options whose metadata writes the properties' values.</param>
    /// <exception cref="InvalidOperationException">The options have no metadata for a property's type; names it and says how to add it.</exception>
    static abstract void WriteRemoteJson(Utf8JsonWriter writer, TSelf value, JsonSerializerOptions options);

    /// <summary>Reads a record <see cref="WriteRemoteJson"/> wrote; <paramref name="reader"/> is before its start.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The options whose metadata reads the properties' values.</param>
    /// <exception cref="JsonException">The JSON is not such a record (a property missing or of the wrong kind).</exception>
    /// <exception cref="InvalidOperationException">The options have no metadata for a property's type; names it and says how to add it.</exception>
    static abstract TSelf ReadRemoteJson(ref Utf8JsonReader reader, JsonSerializerOptions options);
}
