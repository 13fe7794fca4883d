using Compiled.Generators.Model;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Compiled.Generators.Parsing;

/// <summary>
/// Reads a <c>conf/base</c> YAML file into the generator's equatable YAML tree, keeping every
/// value's location. Malformed YAML becomes a CPL0006 diagnostic at the parser's line and column;
/// nothing here throws.
/// </summary>
internal static class YamlParser
{
    /// <summary>Which configuration a file path names, or null for files the generator ignores.</summary>
    public static ConfigFileKind? Classify(string path)
    {
        var normalized = path.Replace('\\', '/');
        var marker = normalized.LastIndexOf("/conf/base/", StringComparison.Ordinal);
        if (marker < 0 && !normalized.StartsWith("conf/base/", StringComparison.Ordinal)) return null;
        if (!normalized.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) &&
            !normalized.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var fileName = normalized.Substring(normalized.LastIndexOf('/') + 1);
        if (fileName.StartsWith("catalog", StringComparison.OrdinalIgnoreCase)) return ConfigFileKind.Catalog;
        if (fileName.StartsWith("parameters", StringComparison.OrdinalIgnoreCase)) return ConfigFileKind.Parameters;
        if (fileName.StartsWith("globals", StringComparison.OrdinalIgnoreCase)) return ConfigFileKind.Globals;
        return null;
    }

    public static ConfigFileModel Parse(string path, ConfigFileKind kind, SourceText text)
    {
        var content = text.ToString();
        Parser? parser = null;
        try
        {
            var stream = new YamlStream();
            parser = new Parser(new StringReader(content));
            stream.Load(new MergingParser(parser));
            if (stream.Documents.Count == 0)
            {
                return new ConfigFileModel(path, kind, EmptyMapping(path), null);
            }

            var root = stream.Documents[0].RootNode;
            if (root is YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                return new ConfigFileModel(path, kind, EmptyMapping(path), null);
            }

            if (root is not YamlMappingNode mapping)
            {
                var location = Locate(path, text, root.Start, root.End);
                return new ConfigFileModel(path, kind, null, DiagnosticInfo.Create(
                    DiagnosticIds.InvalidYaml, DiagnosticTarget.InFile(location), path, "the document must be a mapping of names to entries"));
            }

            return new ConfigFileModel(path, kind, (YamlMapping)Convert(path, text, mapping), null);
        }
        catch (YamlException exception)
        {
            var location = Locate(path, text, exception.Start, exception.End);
            var message = Clean(exception.InnerException?.Message ?? exception.Message);
            if (message.StartsWith(DuplicateKey, StringComparison.Ordinal))
            {
                // YamlDotNet reports the second occurrence of the key, at that key: keep the place, name the key plainly.
                message = $"the key '{message.Substring(DuplicateKey.Length)}' appears twice in the same mapping";
            }
            else if (message.IndexOf(" tab ", StringComparison.Ordinal) >= 0 && IndentationTab(content, location.Start) is { } tab)
            {
                // A tab used as indentation is reported at the start of the enclosing block: point at the tab itself.
                location = Locate(path, text, tab, tab + 1);
            }

            return new ConfigFileModel(path, kind, null, DiagnosticInfo.Create(
                DiagnosticIds.InvalidYaml, DiagnosticTarget.InFile(location), path, message));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // YamlDotNet throws other exceptions on some malformed input (its scanner throws InvalidOperationException
            // on e.g. `[0, ${]`): still CPL0006, where the parser got to, never an exception out of the generator.
            var mark = parser?.Current?.End ?? Mark.Empty;
            var location = Locate(path, text, mark, mark);
            return new ConfigFileModel(path, kind, null, DiagnosticInfo.Create(
                DiagnosticIds.InvalidYaml, DiagnosticTarget.InFile(location), path, "the YAML parser failed after this point: " + exception.Message));
        }
    }

    private static YamlMapping EmptyMapping(string path) =>
        new(EquatableArray<YamlEntry>.Empty, new FileLocation(path, 0, 0, 0, 0, 0, 0));

    private static YamlValue Convert(string path, SourceText text, YamlNode node)
    {
        var location = Locate(path, text, node.Start, node.End);
        switch (node)
        {
            case YamlMappingNode mapping:
                var entries = new List<YamlEntry>(mapping.Children.Count);
                foreach (var child in mapping.Children)
                {
                    var key = child.Key is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : child.Key.ToString();
                    entries.Add(new YamlEntry(key, Locate(path, text, child.Key.Start, child.Key.End), Convert(path, text, child.Value)));
                }

                return new YamlMapping(entries.ToEquatableArray(), location);
            case YamlSequenceNode sequence:
                return new YamlSequence(sequence.Children.Select(item => Convert(path, text, item)).ToEquatableArray(), location);
            case YamlScalarNode scalar:
                var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
                var value = plain && scalar.Value is "~" or "null" or "Null" or "NULL" or "" ? null : scalar.Value;
                return new YamlScalar(value, plain, location);
            default:
                return new YamlScalar(null, true, location);
        }
    }

    private const string DuplicateKey = "Duplicate key ";

    /// <summary>The first tab in the indentation of a line, from the line that holds <paramref name="from"/> on; null if none.</summary>
    private static int? IndentationTab(string content, int from)
    {
        var lineStart = from <= 0 ? 0 : content.LastIndexOf('\n', Math.Min(from, content.Length) - 1) + 1;
        for (var i = lineStart; i < content.Length; i++)
        {
            switch (content[i])
            {
                case '\t': return i;
                case ' ': continue;
                default:
                    var next = content.IndexOf('\n', i);
                    if (next < 0) return null;
                    i = next; // the loop's i++ moves to the next line's first character
                    continue;
            }
        }

        return null;
    }

    private static FileLocation Locate(string path, SourceText text, int start, int end)
    {
        var startPosition = text.Lines.GetLinePosition(start);
        var endPosition = text.Lines.GetLinePosition(end);
        return new FileLocation(path, start, end - start, startPosition.Line, startPosition.Character, endPosition.Line, endPosition.Character);
    }

    private static FileLocation Locate(string path, SourceText text, Mark start, Mark end)
    {
        // Lines and columns come from the text, not the parser's marks: at the end of input YamlDotNet
        // reports a line past the last one.
        var length = text.Length;
        var startIndex = Clamp(start.Index, length);
        var endIndex = Math.Max(startIndex, Clamp(end.Index, length));
        var startPosition = text.Lines.GetLinePosition(startIndex);
        var endPosition = text.Lines.GetLinePosition(endIndex);
        return new FileLocation(path, startIndex, endIndex - startIndex, startPosition.Line, startPosition.Character, endPosition.Line, endPosition.Character);
    }

    private static int Clamp(long index, int length) => (int)Math.Max(0, Math.Min(index, length));

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (…): "; the diagnostic carries the location itself.
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(marker + 3) : message;
    }
}
