using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compiled.Config;

/// <summary>Reads a YAML file into <see cref="ConfigNode"/>s that remember their file and line.</summary>
internal static class YamlConfigReader
{
    public static ConfigMapping ReadMapping(string path)
    {
        var displayPath = path;
        try
        {
            using var reader = File.OpenText(path);
            var stream = new YamlStream();
            stream.Load(new MergingParser(new Parser(reader)));
            if (stream.Documents.Count == 0) return Empty(displayPath);
            var root = stream.Documents[0].RootNode;
            if (root is YamlScalarNode { Value: null or "" or "~" or "null" }) return Empty(displayPath);
            return Convert(displayPath, root) as ConfigMapping
                ?? throw new ConfigException("the document must be a mapping", Locate(displayPath, root.Start));
        }
        catch (YamlException exception)
        {
            throw new ConfigException($"invalid YAML: {exception.InnerException?.Message ?? exception.Message}", Locate(displayPath, exception.Start), exception);
        }
    }

    private static ConfigMapping Empty(string path) => new([], new ConfigLocation(path, 1, 1));

    private static ConfigNode Convert(string path, YamlNode node) => node switch
    {
        YamlMappingNode mapping => new ConfigMapping(
            mapping.Children.Select(c => new KeyValuePair<string, ConfigNode>(
                (c.Key as YamlScalarNode)?.Value ?? c.Key.ToString(), Convert(path, c.Value))),
            Locate(path, node.Start)),
        YamlSequenceNode sequence => new ConfigSequence(sequence.Children.Select(c => Convert(path, c)).ToArray(), Locate(path, node.Start)),
        YamlScalarNode scalar => new ConfigScalar(
            scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is "~" or "null" or "Null" or "NULL" or "" ? null : scalar.Value,
            Locate(path, node.Start)),
        _ => new ConfigScalar(null, Locate(path, node.Start)),
    };

    private static ConfigLocation Locate(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);
}
