using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Compiled;

/// <summary>
/// What kind of JSON a type is read from, in a client's words ("a number", "an object", "true or false"): what
/// a 400 says is expected, instead of a .NET type name, which is the server's business and means nothing to a client.
/// </summary>
internal static class JsonKind
{
    /// <summary>The JSON that <paramref name="typeInfo"/> reads, such as <c>a number</c> or <c>an array or null</c>.</summary>
    public static string Describe(JsonTypeInfo typeInfo)
    {
        if (Nullable.GetUnderlyingType(typeInfo.Type) is { } underlying) return Describe(underlying) + " or null";
        return typeInfo.Kind switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            JsonTypeInfoKind.Enumerable => "an array",
            _ => Describe(typeInfo.Type),
        };
    }

    private static string Describe(Type type)
    {
        if (type == typeof(bool)) return "true or false";
        if (type.IsEnum) return "a string or a whole number";
        if (type == typeof(byte) || type == typeof(sbyte) || type == typeof(short) || type == typeof(ushort) || type == typeof(int) ||
            type == typeof(uint) || type == typeof(long) || type == typeof(ulong) || type == typeof(Int128) || type == typeof(UInt128) ||
            type == typeof(BigInteger))
        {
            return "a whole number";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(Half)) return "a number";
        if (type == typeof(string) || type == typeof(char) || type == typeof(DateTime) || type == typeof(DateTimeOffset) ||
            type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid) ||
            type == typeof(Uri) || type == typeof(Version))
        {
            return "a string";
        }

        if (type == typeof(JsonElement) || type == typeof(JsonDocument) || typeof(JsonNode).IsAssignableFrom(type) || type == typeof(object))
        {
            return "any JSON value";
        }

        return "a JSON value";
    }
}
