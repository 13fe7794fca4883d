using System.Globalization;
using Compiled.Config;

namespace Compiled.Tests.Datasets;

/// <summary>Builds configuration nodes as the YAML loader would, with a line per node.</summary>
internal static class Yaml
{
    public const string File = "conf/base/catalog.yml";

    public static ConfigScalar Scalar(string? value, int line = 1) => new(value, new ConfigLocation(File, line, 5));

    public static ConfigMapping Map(params (string Key, object? Value)[] entries) => MapAt(1, entries);

    public static ConfigMapping MapAt(int line, params (string Key, object? Value)[] entries) =>
        new(entries.Select((e, i) => new KeyValuePair<string, ConfigNode>(e.Key, e.Value switch
        {
            ConfigNode node => node,
            null => Scalar(null, line + i + 1),
            var other => Scalar(Convert.ToString(other, CultureInfo.InvariantCulture), line + i + 1),
        })), new ConfigLocation(File, line, 1));

    public static DatasetConfig Dataset(string name, string projectPath, params (string Key, object? Value)[] entries) =>
        new(name, MapAt(10, entries), projectPath);
}
