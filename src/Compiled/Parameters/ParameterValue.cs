using System.Globalization;
using Compiled.Config;

namespace Compiled;

/// <summary>
/// Parses parameter overrides given as text (<c>--params model_options.test_size=0.3</c>,
/// <c>conf/&lt;env&gt;/parameters.yml</c>) into typed values. Generated <c>WithOverride</c> methods call these;
/// each failure names the parameter and the expected type.
/// </summary>
public static class ParameterValue
{
    /// <summary>Splits <c>path=value</c>.</summary>
    public static (string Path, string Value) SplitAssignment(string assignment)
    {
        var equals = assignment.IndexOf('=');
        if (equals <= 0)
        {
            throw new ParameterException(assignment, $"Parameter override '{assignment}' must have the form path=value, e.g. model_options.test_size=0.3.");
        }

        return (assignment[..equals].Trim(), assignment[(equals + 1)..].Trim());
    }

    /// <summary>Whether the text means null (<c>null</c>, <c>~</c>, empty).</summary>
    public static bool IsNull(string value) => value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Parses a boolean.</summary>
    public static bool ParseBoolean(string path, string value) =>
        bool.TryParse(value, out var result) ? result : throw Invalid(path, value, "true or false");

    /// <summary>Parses a 32-bit integer.</summary>
    public static int ParseInt32(string path, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) ? result : throw Invalid(path, value, "an integer");

    /// <summary>Parses a 64-bit integer.</summary>
    public static long ParseInt64(string path, string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) ? result : throw Invalid(path, value, "an integer");

    /// <summary>Parses a double.</summary>
    public static double ParseDouble(string path, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) ? result : throw Invalid(path, value, "a number");

    /// <summary>Parses a float.</summary>
    public static float ParseSingle(string path, string value) =>
        float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) ? result : throw Invalid(path, value, "a number");

    /// <summary>Parses a decimal.</summary>
    public static decimal ParseDecimal(string path, string value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) ? result : throw Invalid(path, value, "a decimal number");

    /// <summary>Parses an enum member by name, ignoring case and underscores.</summary>
    public static T ParseEnum<T>(string path, string value) where T : struct, Enum
    {
        var loose = value.Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse<T>(loose, ignoreCase: true, out var result) && Enum.IsDefined(result)
            ? result
            : throw Invalid(path, value, "one of " + string.Join(", ", Enum.GetNames<T>()));
    }

    /// <summary>Parses a list written <c>[a, b]</c> or <c>a,b</c>, each item with <paramref name="parse"/>.</summary>
    public static T[] ParseArray<T>(string path, string value, Func<string, string, T> parse)
    {
        var text = value.Trim();
        if (text.StartsWith('[') && text.EndsWith(']')) text = text[1..^1];
        if (string.IsNullOrWhiteSpace(text)) return [];
        var items = text.Split(',');
        var result = new T[items.Length];
        for (var i = 0; i < items.Length; i++) result[i] = parse(path, items[i].Trim().Trim('"', '\''));
        return result;
    }

    /// <summary>The error for a path the parameters do not have.</summary>
    public static ParameterException UnknownPath(string path, IReadOnlyList<string> known)
    {
        var close = known.Where(k => k.EndsWith(path.Split('.')[^1], StringComparison.Ordinal) || path.StartsWith(k.Split('.')[0], StringComparison.Ordinal)).Take(5).ToList();
        return new ParameterException(path,
            $"Unknown parameter '{path}'. " + (close.Count > 0 ? $"Did you mean: {string.Join(", ", close)}? " : "") +
            $"Parameters that can be set: {(known.Count == 0 ? "none" : string.Join(", ", known))}.");
    }

    /// <summary>Applies an environment's <c>parameters*.yml</c> over compiled defaults, naming the file and line of a bad value.</summary>
    public static T ApplyOverrides<T>(T parameters, ConfigMapping overrides, Func<T, string, string, T> apply)
    {
        foreach (var (path, node) in DottedPath.Leaves(overrides))
        {
            var text = node switch
            {
                ConfigScalar scalar => scalar.Value ?? "null",
                ConfigSequence sequence => "[" + string.Join(", ", sequence.Items.Select(i => (i as ConfigScalar)?.Value)) + "]",
                _ => "",
            };
            try
            {
                parameters = apply(parameters, path, text);
            }
            catch (ParameterException exception)
            {
                throw new ConfigException(exception.Message, node.Location, exception);
            }
        }

        return parameters;
    }

    private static ParameterException Invalid(string path, string value, string expected) =>
        new(path, $"Parameter '{path}' must be {expected}, not '{value}'.");
}
