using Compiled.Config;
using Compiled.Generators.Model;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compiled.Generators.Parsing;

/// <summary>
/// Reads a <c>conf/base</c> YAML file into the generator's equatable YAML tree, keeping every
/// value's location. Malformed YAML becomes a CPL0006 diagnostic at the parser's line and column;
/// nothing here throws, loops or recurses without end: merge keys (<c>&lt;&lt;: *defaults</c>) are
/// resolved, an alias to a value that contains it, or aliases that expand past <see cref="YamlRules.MaxValues"/>
/// values, are CPL0006 too, by the rules the runtime reads the same files with (<see cref="YamlTreeConverter{TNode}"/>).
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
            parser = new Parser(new StringReader(content));
            var root = YamlRules.LoadRoot(parser);
            if (root is null)
            {
                return new ConfigFileModel(path, kind, EmptyMapping(path), null);
            }

            if (root is not YamlMappingNode mapping)
            {
                var location = Locate(path, text, root.Start, root.End);
                return new ConfigFileModel(path, kind, null, DiagnosticInfo.Create(
                    DiagnosticIds.InvalidYaml, DiagnosticTarget.InFile(location), DisplayPath(path), "the document must be a mapping of names to entries"));
            }

            return new ConfigFileModel(path, kind, (YamlMapping)new Converter(path, text).Convert(mapping, mapping), null);
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

            return Broken(path, kind, text, DiagnosticInfo.Create(
                DiagnosticIds.InvalidYaml, DiagnosticTarget.InFile(location), DisplayPath(path), message));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // YamlDotNet throws other exceptions on some malformed input (its scanner throws InvalidOperationException
            // on e.g. `[0, ${]`): still CPL0006, where the parser got to, never an exception out of the generator.
            // It does so on a flow collection ('[' or '{') that is never closed, with the parser at the collection's start.
            var mark = parser?.Current?.End ?? Mark.Empty;
            var location = Locate(path, text, mark, mark);
            var at = (int)Math.Min(Math.Max(mark.Index - 1, 0), Math.Max(content.Length - 1, 0));
            var problem = content.Length > 0 && (content[at] is '[' or '{' || (at + 1 < content.Length && content[at + 1] is '[' or '{'))
                ? "the '[' or '{' that starts here is never closed: close it, or quote the value if the bracket is text"
                : "the YAML cannot be read from here on: check the indentation and the quoting of this line";
            return Broken(path, kind, text, DiagnosticInfo.Create(
                DiagnosticIds.InvalidYaml, DiagnosticTarget.InFile(location), DisplayPath(path), problem));
        }
    }

    /// <summary>
    /// A file that does not parse: its error, and the entries <see cref="YamlRecovery"/> reads around it, so that the
    /// generated catalog and parameters keep the members the project's code uses and the error is the build's only one.
    /// </summary>
    private static ConfigFileModel Broken(string path, ConfigFileKind kind, SourceText text, DiagnosticInfo error) =>
        new(path, kind, null, error) { Recovered = YamlRecovery.Recover(path, text, error.Target.File!.Line) };

    /// <summary>
    /// The root mapping of <paramref name="text"/>, or false with the 0-based line where reading stopped. For
    /// <see cref="YamlRecovery"/>, which reads a broken file again with its broken parts blanked out.
    /// </summary>
    internal static bool TryReadMapping(string path, SourceText text, out YamlMapping? root, out int errorLine)
    {
        root = null;
        errorLine = -1;
        Parser? parser = null;
        try
        {
            parser = new Parser(new StringReader(text.ToString()));
            var node = YamlRules.LoadRoot(parser);
            if (node is null)
            {
                root = EmptyMapping(path);
                return true;
            }

            if (node is not YamlMappingNode mapping) return false;
            root = (YamlMapping)new Converter(path, text).Convert(mapping, mapping);
            return true;
        }
        catch (YamlException exception)
        {
            errorLine = Locate(path, text, exception.Start, exception.End).Line;
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var mark = parser?.Current?.End ?? Mark.Empty;
            errorLine = Locate(path, text, mark, mark).Line;
            return false;
        }
    }

    /// <summary>A configuration file as messages name it: from its <c>conf/</c> directory on (<c>conf/base/catalog.yml</c>), never the machine's absolute path.</summary>
    internal static string DisplayPath(string path)
    {
        var normalized = path.Replace('\\', '/');
        var conf = normalized.LastIndexOf("/conf/", StringComparison.Ordinal);
        return conf >= 0 ? normalized.Substring(conf + 1) : normalized;
    }

    private static YamlMapping EmptyMapping(string path) =>
        new(EquatableArray<YamlEntry>.Empty, new FileLocation(path, 0, 0, 0, 0, 0, 0));

    /// <summary>Converts YamlDotNet's node graph into the model's tree, by the rules shared with the runtime (<see cref="YamlTreeConverter{TNode}"/>).</summary>
    private sealed class Converter(string path, SourceText text) : YamlTreeConverter<YamlValue>
    {
        protected override YamlValue Mapping(YamlMappingNode node, List<YamlTreeEntry<YamlValue>> entries) =>
            new YamlMapping(entries.Select(e => new YamlEntry(e.Key, Locate(path, text, e.KeyNode.Start, e.KeyNode.End), e.Value)).ToEquatableArray(), Here(node));

        protected override YamlValue Sequence(YamlSequenceNode node, List<YamlValue> items) => new YamlSequence(items.ToEquatableArray(), Here(node));

        protected override YamlValue Scalar(YamlNode node, string? value, bool plain) => new YamlScalar(value, plain, Here(node));

        /// <summary>A mapping or list used as a key: its first characters as written.</summary>
        protected override string ComplexKey(YamlNode key)
        {
            var start = Clamp(key.Start.Index, text.Length);
            return text.ToString(new TextSpan(start, Math.Min(Math.Max(0, Clamp(key.End.Index, text.Length) - start), 100)));
        }

        private FileLocation Here(YamlNode node) => Locate(path, text, node.Start, node.End);
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
        message = marker >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(marker + 3) : message;
        return Plain.TryGetValue(message, out var plain) ? plain : message;
    }

    /// <summary>YamlDotNet's commonest messages, said in terms of what to change on the reported line.</summary>
    private static readonly Dictionary<string, string> Plain = new(StringComparer.Ordinal)
    {
        ["While parsing a block mapping, did not find expected key."] =
            "this line is not indented like the keys above it: indent it like them, or under a key that ends in ':'",
        ["Mapping values are not allowed in this context."] =
            "a 'key:' cannot start here: put it on its own line, indented under the key it belongs to, or quote the value if the ':' is text",
        ["While scanning a simple key, could not find expected ':'."] =
            "a line near here is neither 'key: value' nor a list item: add the ':', or indent the line under the key it belongs to",
    };
}
