using System.Text.Json;

namespace Compiled.Cli.Viz;

/// <summary>The small <see cref="Utf8JsonWriter"/> helpers the page data and the kedro-viz JSON share.</summary>
internal static class JsonWriting
{
    /// <summary>An array of strings.</summary>
    public static void WriteStrings(this Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>A string property, left out when null.</summary>
    public static void WriteOptional(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    /// <summary>kedro-viz's name for a vertex type: <c>task</c>, <c>data</c>, <c>parameters</c>.</summary>
    public static string KindName(VizNodeKind kind) => kind switch
    {
        VizNodeKind.Task => "task",
        VizNodeKind.Data => "data",
        _ => "parameters",
    };
}
