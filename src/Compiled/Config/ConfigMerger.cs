namespace Compiled.Config;

/// <summary>Deep-merges configuration: mappings merge key by key, anything else in the override replaces the base.</summary>
internal static class ConfigMerger
{
    public static ConfigMapping Merge(ConfigMapping @base, ConfigMapping @override)
    {
        var entries = new List<KeyValuePair<string, ConfigNode>>();
        foreach (var (key, value) in @base.Entries)
        {
            entries.Add(new(key, @override[key] is { } replacement ? MergeNode(value, replacement) : value));
        }

        foreach (var (key, value) in @override.Entries)
        {
            if (@base[key] is null) entries.Add(new(key, value));
        }

        return new ConfigMapping(entries, @base.Location);
    }

    private static ConfigNode MergeNode(ConfigNode @base, ConfigNode @override) =>
        @base is ConfigMapping baseMapping && @override is ConfigMapping overrideMapping
            ? Merge(baseMapping, overrideMapping)
            : @override;
}
