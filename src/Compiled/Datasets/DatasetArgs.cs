using System.Text;
using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>
/// Reads the keys of a catalog entry's <c>load_args</c> / <c>save_args</c> mappings. Unknown keys are
/// errors located in the YAML, so that a misspelt option never silently does nothing.
/// </summary>
internal static class DatasetArgs
{
    /// <summary>UTF-8 without a byte order mark, as Python writes it.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Throws when <paramref name="args"/> has a key not in <paramref name="known"/>.</summary>
    public static void CheckKeys(DatasetConfig config, string section, ConfigMapping? args, params string[] known)
    {
        if (args is null) return;
        foreach (var (key, node) in args.Entries)
        {
            if (Array.IndexOf(known, key) >= 0) continue;
            var supported = known.Length == 0 ? "it takes no keys" : "supported keys: " + string.Join(", ", known);
            throw config.Error($"has an unsupported key '{section}.{key}' for type '{config.Type}' ({supported})", node.Location);
        }
    }

    /// <summary>Whether <paramref name="key"/> is present, even with a null value.</summary>
    public static bool Has(ConfigMapping? args, string key) => args?[key] is not null;

    /// <summary>The scalar at <paramref name="key"/>, or null when absent or null.</summary>
    public static string? GetString(DatasetConfig config, string section, ConfigMapping? args, string key) => args?[key] switch
    {
        null => null,
        ConfigScalar scalar => scalar.Value,
        var other => throw config.Error($"key '{section}.{key}' must be a scalar value", other.Location),
    };

    /// <summary>
    /// pandas' <c>na_values</c>: the texts that load as a missing value, written as one scalar or a list of scalars
    /// (<c>na_values: ["-", "n/a"]</c>); empty when absent. pandas' per-column form (a mapping) is refused with an error.
    /// </summary>
    public static IReadOnlyList<string> GetNaValues(DatasetConfig config, string section, ConfigMapping? args, string key = "na_values") =>
        args?[key] switch
        {
            null => [],
            ConfigScalar { Value: null } => [],
            ConfigScalar scalar => [scalar.Value],
            ConfigSequence sequence => [.. sequence.Items.Select(item => item is ConfigScalar { Value: { } value }
                ? value
                : throw config.Error($"key '{section}.{key}' must list texts (na_values: [\"-\", \"n/a\"]); this item is not one", item.Location))],
            var other => throw config.Error(
                $"key '{section}.{key}' must be a text or a list of texts (na_values: [\"-\", \"n/a\"]): markers per column are not supported, " +
                "the markers apply to every column", other.Location),
        };

    /// <summary>The boolean at <paramref name="key"/>, or null when absent.</summary>
    public static bool? GetBoolean(DatasetConfig config, string section, ConfigMapping? args, string key) =>
        GetString(config, section, args, key) switch
        {
            null => null,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw config.Error($"key '{section}.{key}' must be true or false, not '{text}'", args![key]!.Location),
        };

    /// <summary>The text encoding named at <paramref name="key"/>, or null when absent.</summary>
    public static Encoding? GetEncoding(DatasetConfig config, string section, ConfigMapping? args, string key = "encoding")
    {
        var name = GetString(config, section, args, key);
        if (name is null) return null;
        return TryGetEncoding(name, out var encoding)
            ? encoding
            : throw config.Error($"key '{section}.{key}' names an unknown encoding '{name}' (use e.g. utf-8, utf-8-sig, utf-16, latin-1, ascii)", args![key]!.Location);
    }

    /// <summary>
    /// Resolves an encoding by its Python or .NET name. <c>utf-8</c> writes no byte order mark
    /// (as Python does); <c>utf-8-sig</c> writes one.
    /// </summary>
    public static bool TryGetEncoding(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Encoding? encoding)
    {
        encoding = name.Trim().Replace('_', '-').ToLowerInvariant() switch
        {
            "utf-8" or "utf8" or "u8" => Utf8,
            "utf-8-sig" or "utf8-sig" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            "latin-1" or "latin1" or "iso-8859-1" or "l1" => Encoding.Latin1,
            "ascii" or "us-ascii" => Encoding.ASCII,
            _ => null,
        };
        if (encoding is not null) return true;
        try
        {
            encoding = Encoding.GetEncoding(name.Trim());
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
