using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// A YAML value as JSON text, for showing a parameter's value (the pipeline visualisation): plain scalars that read as
/// numbers, booleans or null stay so, everything else is a string.
/// </summary>
internal static class YamlJson
{
    private static readonly Regex JsonNumber = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>The value at dotted <paramref name="path"/> under <paramref name="root"/>, or null.</summary>
    public static YamlValue? Find(YamlMapping root, string path)
    {
        YamlValue? current = root;
        foreach (var segment in path.Split('.'))
        {
            current = current is YamlMapping mapping ? mapping[segment] : null;
            if (current is null) return null;
        }

        return current;
    }

    /// <summary>Compact JSON for <paramref name="value"/>.</summary>
    public static string Write(YamlValue value)
    {
        var text = new StringBuilder();
        Write(value, text);
        return text.ToString();
    }

    private static void Write(YamlValue value, StringBuilder text)
    {
        switch (value)
        {
            case YamlMapping mapping:
                text.Append('{');
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    String(mapping.Entries[i].Key, text);
                    text.Append(": ");
                    Write(mapping.Entries[i].Value, text);
                }

                text.Append('}');
                break;
            case YamlSequence sequence:
                text.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (i > 0) text.Append(", ");
                    Write(sequence.Items[i], text);
                }

                text.Append(']');
                break;
            case YamlScalar { IsPlain: true, Value: null or "" or "~" or "null" }:
                text.Append("null");
                break;
            case YamlScalar { IsPlain: true, Value: "true" or "false" } boolean:
                text.Append(boolean.Value);
                break;
            case YamlScalar { IsPlain: true } number when JsonNumber.IsMatch(number.Value):
                text.Append(number.Value);
                break;
            case YamlScalar scalar:
                String(scalar.Value ?? "", text);
                break;
        }
    }

    private static void String(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
