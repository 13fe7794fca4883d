using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compiled.Config;

/// <summary>
/// Reads a YAML file into <see cref="ConfigNode"/>s that remember their file and line, by the rules the generator
/// and the analyzers read the same files with (<see cref="YamlTreeConverter{TNode}"/>: merge keys, aliases, the expansion
/// limit, nulls). A malformed file is a <see cref="ConfigException"/> at its line.
/// </summary>
internal static class YamlConfigReader
{
    public static ConfigMapping ReadMapping(string path)
    {
        var displayPath = path;
        try
        {
            using var reader = File.OpenText(path);
            var root = YamlRules.LoadRoot(new Parser(reader));
            if (root is null) return Empty(displayPath);
            return new Converter(displayPath).Convert(root, root) as ConfigMapping
                ?? throw new ConfigException("the document must be a mapping", Locate(displayPath, root.Start));
        }
        catch (YamlException exception)
        {
            throw new ConfigException($"invalid YAML: {exception.InnerException?.Message ?? exception.Message}", Locate(displayPath, exception.Start), exception);
        }
    }

    private static ConfigMapping Empty(string path) => new([], new ConfigLocation(path, 1, 1));

    /// <summary>Builds the runtime's configuration tree from the shared conversion.</summary>
    private sealed class Converter(string path) : YamlTreeConverter<ConfigNode>
    {
        protected override ConfigNode Mapping(YamlMappingNode node, List<YamlTreeEntry<ConfigNode>> entries) =>
            new ConfigMapping(entries.Select(e => new KeyValuePair<string, ConfigNode>(e.Key, e.Value)), Locate(path, node.Start));

        protected override ConfigNode Sequence(YamlSequenceNode node, List<ConfigNode> items) => new ConfigSequence(items, Locate(path, node.Start));

        protected override ConfigNode Scalar(YamlNode node, string? value, bool plain) => new ConfigScalar(value, Locate(path, node.Start));

        protected override string ComplexKey(YamlNode key) => $"(a {(key is YamlMappingNode ? "mapping" : "list")} at line {key.Start.Line})";
    }

    private static ConfigLocation Locate(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);
}
