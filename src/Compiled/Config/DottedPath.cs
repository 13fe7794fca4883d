namespace Compiled.Config;

/// <summary>Flattens configuration mappings into dotted paths (<c>model_options.test_size</c>) and looks them up.</summary>
internal static class DottedPath
{
    /// <summary>Every scalar or sequence leaf under <paramref name="mapping"/>, as (path, node).</summary>
    public static IEnumerable<(string Path, ConfigNode Node)> Leaves(ConfigMapping mapping, string prefix = "")
    {
        foreach (var (key, value) in mapping.Entries)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            if (value is ConfigMapping child)
            {
                foreach (var leaf in Leaves(child, path)) yield return leaf;
            }
            else
            {
                yield return (path, value);
            }
        }
    }

    /// <summary>The scalar at a dotted path, or null.</summary>
    public static string? Find(ConfigMapping mapping, string path)
    {
        ConfigNode? node = mapping;
        foreach (var segment in path.Split('.'))
        {
            node = (node as ConfigMapping)?[segment];
            if (node is null) return null;
        }

        return (node as ConfigScalar)?.Value;
    }
}
