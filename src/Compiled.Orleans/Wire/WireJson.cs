using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Compiled.Orleans.Wire;

/// <summary>
/// The JSON options of what crosses the wire: the application's metadata first, reflection-based metadata for the types it
/// does not list (the generated parameters record cannot be listed in a JsonSerializerContext of its own project).
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options(IJsonTypeInfoResolver? resolver) => new()
    {
        TypeInfoResolver = resolver is null ? new DefaultJsonTypeInfoResolver() : JsonTypeInfoResolver.Combine(resolver, new DefaultJsonTypeInfoResolver()),
    };
}
