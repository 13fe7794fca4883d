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

    /// <summary>
    /// What Compiled knows of a vertex beyond kedro-viz's fields, under the same names in the page's data and in the
    /// JSON format: <c>signature</c>, <c>source_location</c>, <c>csharp_type</c>, <c>filepath</c>, <c>value</c>.
    /// </summary>
    public static void WriteDetails(this Utf8JsonWriter json, VizNode node)
    {
        json.WriteOptional("signature", node.Signature);
        json.WriteOptional("source_location", node.Source);
        json.WriteOptional("csharp_type", node.DataType);
        json.WriteOptional("filepath", node.FilePath);
        json.WriteOptional("value", node.Value);
    }

    /// <summary>kedro-viz's name for a vertex type: <c>task</c>, <c>data</c>, <c>parameters</c>.</summary>
    public static string KindName(VizNodeKind kind) => kind switch
    {
        VizNodeKind.Task => "task",
        VizNodeKind.Data => "data",
        _ => "parameters",
    };
}
