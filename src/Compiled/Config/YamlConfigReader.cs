using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compiled.Config;

/// <summary>
/// Reads a YAML file into <see cref="ConfigNode"/>s that remember their file and line. Merge keys
/// (<c>&lt;&lt;: *defaults</c>) are resolved as the generator resolves them: the keys written in a mapping
/// win over merged ones, an earlier mapping of a <c>&lt;&lt;</c> list over a later one; an alias to a value
/// that contains it, or aliases that expand past <see cref="MaxValues"/> values, are errors, not a hang.
/// </summary>
internal static class YamlConfigReader
{
    /// <summary>The most values a document may hold once its aliases and merge keys are expanded (as in the generator).</summary>
    internal const int MaxValues = 100_000;

    public static ConfigMapping ReadMapping(string path)
    {
        var displayPath = path;
        try
        {
            using var reader = File.OpenText(path);
            var stream = new YamlStream();
            stream.Load(new Parser(reader));
            if (stream.Documents.Count == 0) return Empty(displayPath);
            var root = stream.Documents[0].RootNode;
            if (root is YamlScalarNode { Value: null or "" or "~" or "null" }) return Empty(displayPath);
            return new Converter(displayPath).Convert(root, root) as ConfigMapping
                ?? throw new ConfigException("the document must be a mapping", Locate(displayPath, root.Start));
        }
        catch (YamlException exception)
        {
            throw new ConfigException($"invalid YAML: {exception.InnerException?.Message ?? exception.Message}", Locate(displayPath, exception.Start), exception);
        }
    }

    private static ConfigMapping Empty(string path) => new([], new ConfigLocation(path, 1, 1));

    /// <summary>Converts YamlDotNet's node graph (an alias is the node it names, so cycles are possible) into a tree.</summary>
    private sealed class Converter(string path)
    {
        private readonly HashSet<YamlNode> _open = new(ReferenceEqualityComparer.Instance);
        private int _values;
        private YamlNode? _topLevelKey; // the top-level key being read: where an expansion past the limit is reported

        public ConfigNode Convert(YamlNode node, YamlNode referrer)
        {
            if (++_values > MaxValues) throw new YamlException((_topLevelKey ?? referrer).Start, (_topLevelKey ?? referrer).End, $"the document expands to more than {MaxValues:N0} values through its aliases");
            switch (node)
            {
                case YamlMappingNode mapping:
                    var isRoot = _open.Count == 0;
                    Open(node, referrer);
                    var entries = new List<KeyValuePair<string, ConfigNode>>(mapping.Children.Count);
                    var written = mapping.Children.Where(c => !IsMergeKey(c.Key)).Select(c => Key(c.Key)).ToHashSet(StringComparer.Ordinal);
                    var merged = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var child in mapping.Children)
                    {
                        if (isRoot) _topLevelKey = child.Key;
                        if (!IsMergeKey(child.Key))
                        {
                            entries.Add(new(Key(child.Key), Convert(child.Value, child.Key)));
                            continue;
                        }

                        var sources = child.Value is YamlSequenceNode list ? list.Children : (IList<YamlNode>)[child.Value];
                        foreach (var source in sources)
                        {
                            if (source is not YamlMappingNode) throw new YamlException(child.Key.Start, child.Key.End, "the merge key '<<' must name a mapping or a list of mappings (e.g. <<: *defaults)");
                            if (_open.Contains(source)) throw new YamlException(child.Key.Start, child.Key.End, "the merge key '<<' names a mapping that contains it");
                            foreach (var entry in ((ConfigMapping)Convert(source, child.Key)).Entries)
                            {
                                if (!written.Contains(entry.Key) && merged.Add(entry.Key)) entries.Add(entry);
                            }
                        }
                    }

                    _open.Remove(node);
                    return new ConfigMapping(entries, Locate(path, node.Start));
                case YamlSequenceNode sequence:
                    Open(node, referrer);
                    var items = sequence.Children.Select(item => Convert(item, sequence)).ToArray();
                    _open.Remove(node);
                    return new ConfigSequence(items, Locate(path, node.Start));
                case YamlScalarNode scalar:
                    return new ConfigScalar(
                        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is "~" or "null" or "Null" or "NULL" or "" ? null : scalar.Value,
                        Locate(path, node.Start));
                default:
                    return new ConfigScalar(null, Locate(path, node.Start));
            }
        }

        private void Open(YamlNode node, YamlNode referrer)
        {
            if (!_open.Add(node)) throw new YamlException(referrer.Start, referrer.End, "an alias here names a mapping or list that contains it");
        }

        private static bool IsMergeKey(YamlNode key) =>
            key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain or ScalarStyle.Any } scalar && (scalar.Tag.IsEmpty || scalar.Tag.Value == "tag:yaml.org,2002:merge");

        private static string Key(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : $"(a {(key is YamlMappingNode ? "mapping" : "list")} at line {key.Start.Line})";
    }

    private static ConfigLocation Locate(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);
}
