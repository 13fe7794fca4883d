using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Compiled;

/// <summary>
/// Turns what System.Text.Json threw while reading a runtime input into the 400 a client can act on: the field,
/// as a JSON path, and what is wrong with it in JSON terms — an unknown property (and the ones expected), a missing
/// required one, a null where a value is needed, a value of the wrong kind ("expected a number") — worked out from
/// the input's JSON metadata and the body itself. The serializer's own messages name .NET types
/// (<c>Spaceflights.Model.ShuttleFeatures</c>), which are the server's business; only its messages about malformed
/// JSON, which name none, are passed on.
/// </summary>
internal static class JsonInputError
{
    /// <summary>The error for <paramref name="exception"/>, thrown by reading the input <paramref name="field"/>.</summary>
    /// <param name="start">A copy of the body's reader, on the input's property name.</param>
    /// <param name="field">The input's path, such as <c>$.features</c>.</param>
    /// <param name="typeInfo">The input's metadata.</param>
    /// <param name="exception">What the serializer threw.</param>
    public static PipelineRequestException Describe(Utf8JsonReader start, string field, JsonTypeInfo typeInfo, JsonException exception)
    {
        JsonElement value;
        try
        {
            using var document = JsonDocument.ParseValue(ref start);
            value = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not well-formed JSON: the reader's message says what it found where ("invalid end of a number").
            var where = Walk(field, typeInfo, default, JsonPath.Parse(exception.Path)).Path;
            return new PipelineRequestException(where, $"{where}: {WithoutPosition(exception.Message).TrimEnd('.')}.", exception);
        }

        var (path, info, json, refused) = Walk(field, typeInfo, value, JsonPath.Parse(exception.Path));
        if (refused is not null) return refused;
        if (json.ValueKind == JsonValueKind.Null) return Error(path, $"must not be null; expected {JsonKind.Describe(info)}", exception);
        if (info.Kind == JsonTypeInfoKind.Object && json.ValueKind == JsonValueKind.Object && DescribeMember(path, info, json, exception) is { } member)
        {
            return member;
        }

        return Error(path, $"could not be converted; expected {JsonKind.Describe(info)}", exception);
    }

    // Follows the exception's path through the metadata and the JSON side by side, as far as both go: the field's
    // path (each name as the application declares it, or as the client wrote it only when plain), its metadata and
    // its JSON; or, when a step names a property the object does not have or has twice, the error that says so.
    private static (string Path, JsonTypeInfo Info, JsonElement Json, PipelineRequestException? Refused) Walk(
        string path, JsonTypeInfo info, JsonElement json, List<JsonPath.Segment> segments)
    {
        foreach (var segment in segments)
        {
            JsonTypeInfo? next;
            if (segment.Name is { } name && info.Kind == JsonTypeInfoKind.Object)
            {
                var property = Find(info, name);
                if (property is null) return (path, info, json, Unknown(path, JsonPath.IsPlain(name) ? name : "", info));
                path = JsonPath.Property(path, property.Name);
                if (Count(json, property.Name, info.Options) > 1) return (path, info, json, new PipelineRequestException(path, $"{path}: given twice."));
                next = TryGetTypeInfo(info.Options, property.PropertyType);
                json = Child(json, property.Name, info.Options);
            }
            else if (segment.Name is { } key && info.Kind == JsonTypeInfoKind.Dictionary && JsonPath.IsPlain(key))
            {
                path = JsonPath.Property(path, key);
                next = TryGetTypeInfo(info.Options, info.ElementType!);
                json = Child(json, key, info.Options);
            }
            else if (segment.Name is null && info.Kind == JsonTypeInfoKind.Enumerable)
            {
                path = JsonPath.Element(path, segment.Index);
                next = TryGetTypeInfo(info.Options, info.ElementType!);
                json = json.ValueKind == JsonValueKind.Array && segment.Index < json.GetArrayLength() ? json[segment.Index] : default;
            }
            else
            {
                break;
            }

            if (next is null) break;
            info = next;
        }

        return (path, info, json, null);
    }

    // A well-formed object the serializer refused: a required member missing, a member given twice, or null where it may not be.
    private static PipelineRequestException? DescribeMember(string path, JsonTypeInfo info, JsonElement json, JsonException exception)
    {
        var required = info.Properties
            .Where(p => p.IsRequired || (info.Options.RespectRequiredConstructorParameters && p.AssociatedParameter is { HasDefaultValue: false }))
            .Where(p => !Has(json, p.Name, info.Options))
            .Select(p => p.Name)
            .ToList();
        if (required.Count > 0)
        {
            var others = required.Count > 1 ? $" (missing as well: {Quote(required.Skip(1))})" : "";
            return Error(JsonPath.Property(path, required[0]), $"required; the object has no property '{required[0]}'{others}", exception);
        }

        var seen = new HashSet<string>(info.Options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var member in json.EnumerateObject())
        {
            var property = Find(info, member.Name);
            if (property is null) continue;
            if (!seen.Add(property.Name)) return Error(JsonPath.Property(path, property.Name), "given twice", exception);
            if (member.Value.ValueKind == JsonValueKind.Null && info.Options.RespectNullableAnnotations &&
                (property.AssociatedParameter is { IsNullable: false } || (property.AssociatedParameter is null && !property.IsSetNullable)))
            {
                var kind = TryGetTypeInfo(info.Options, property.PropertyType) is { } memberInfo ? JsonKind.Describe(memberInfo) : "a value";
                return Error(JsonPath.Property(path, property.Name), $"must not be null; expected {kind}", exception);
            }
        }

        return null;
    }

    private static PipelineRequestException Unknown(string path, string name, JsonTypeInfo info)
    {
        var expected = info.Properties.Count == 0 ? "it takes no properties" : $"expected only {Quote(info.Properties.Select(p => p.Name))}";
        return name.Length > 0
            ? new PipelineRequestException(JsonPath.Property(path, name), $"{JsonPath.Property(path, name)}: unknown property '{name}'; {expected}.")
            : new PipelineRequestException(path,
                $"{path}: has an unknown property (its name is not repeated: it is not only letters, digits, '_' and '-'); {expected}.");
    }

    private static PipelineRequestException Error(string path, string problem, Exception exception) =>
        new(path, $"{path}: {problem}.", exception);

    private static JsonPropertyInfo? Find(JsonTypeInfo info, string name)
    {
        var comparison = info.Options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var property in info.Properties)
        {
            if (string.Equals(property.Name, name, comparison)) return property;
        }

        return null;
    }

    private static bool Has(JsonElement json, string name, JsonSerializerOptions options) => Child(json, name, options).ValueKind != JsonValueKind.Undefined;

    private static int Count(JsonElement json, string name, JsonSerializerOptions options)
    {
        if (json.ValueKind != JsonValueKind.Object) return 0;
        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return json.EnumerateObject().Count(member => string.Equals(member.Name, name, comparison));
    }

    private static JsonElement Child(JsonElement json, string name, JsonSerializerOptions options)
    {
        if (json.ValueKind != JsonValueKind.Object) return default;
        if (json.TryGetProperty(name, out var child)) return child;
        if (!options.PropertyNameCaseInsensitive) return default;
        foreach (var member in json.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase)) return member.Value;
        }

        return default;
    }

    private static JsonTypeInfo? TryGetTypeInfo(JsonSerializerOptions options, Type type) =>
        options.TryGetTypeInfo(type, out var info) ? info : null;

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    // System.Text.Json ends its messages with "Path: … | LineNumber: … | BytePositionInLine: …"; the field says where.
    internal static string WithoutPosition(string message)
    {
        var index = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (index < 0) index = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return index < 0 ? message : message[..index];
    }
}
