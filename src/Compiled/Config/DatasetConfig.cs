using System.Globalization;

namespace Compiled.Config;

/// <summary>
/// One catalog entry as configured for the session's environment: its <c>type</c> and the rest of
/// its keys (<c>filepath</c>, <c>load_args</c>, …), with the file and line each came from.
/// Datasets build themselves from it; every accessor throws a <see cref="DatasetException"/> naming
/// the dataset, the key and the YAML location when a value is missing or malformed.
/// </summary>
public sealed class DatasetConfig
{
    /// <summary>Creates the configuration of dataset <paramref name="name"/>.</summary>
    public DatasetConfig(string name, ConfigMapping entry, string projectPath)
    {
        Name = name;
        Entry = entry;
        ProjectPath = projectPath;
    }

    /// <summary>The dataset's catalog name.</summary>
    public string Name { get; }

    /// <summary>The entry's keys and values.</summary>
    public ConfigMapping Entry { get; }

    /// <summary>The project directory relative paths are resolved against.</summary>
    public string ProjectPath { get; }

    /// <summary>Where the entry was written.</summary>
    public ConfigLocation Location => Entry.Location;

    /// <summary>The entry's <c>type</c>.</summary>
    public string Type => GetString("type") ?? "memory";

    /// <summary>The scalar at <paramref name="key"/>, or null when absent.</summary>
    public string? GetString(string key) => Entry[key] switch
    {
        null => null,
        ConfigScalar scalar => scalar.Value,
        var other => throw Error($"key '{key}' must be a scalar value", other.Location),
    };

    /// <summary>The scalar at <paramref name="key"/>; throws naming the dataset and the key when absent.</summary>
    public string GetRequiredString(string key) =>
        GetString(key) ?? throw Error($"is missing the required key '{key}'", Location);

    /// <summary>The boolean at <paramref name="key"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public bool GetBoolean(string key, bool defaultValue) => GetString(key) switch
    {
        null => defaultValue,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw Error($"key '{key}' must be true or false, not '{text}'", Entry[key]!.Location),
    };

    /// <summary>The integer at <paramref name="key"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public int GetInt32(string key, int defaultValue) => GetString(key) switch
    {
        null => defaultValue,
        var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        var text => throw Error($"key '{key}' must be an integer, not '{text}'", Entry[key]!.Location),
    };

    /// <summary>The mapping at <paramref name="key"/> (e.g. <c>load_args</c>), or null when absent.</summary>
    public ConfigMapping? GetMapping(string key) => Entry[key] switch
    {
        null => null,
        ConfigMapping mapping => mapping,
        var other => throw Error($"key '{key}' must be a mapping", other.Location),
    };

    /// <summary>The path at <paramref name="key"/>, made absolute against <see cref="ProjectPath"/>.</summary>
    public string GetRequiredPath(string key = "filepath")
    {
        var path = GetRequiredString(key);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(ProjectPath, path));
    }

    /// <summary>An exception naming this dataset, the problem and where it was configured.</summary>
    public DatasetException Error(string problem, ConfigLocation? location = null, Exception? inner = null) =>
        new(Name, $"Dataset '{Name}' ({location ?? Location}) {problem}.", inner);
}
