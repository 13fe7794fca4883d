using Compiled.Config;
using Compiled.Generators.Model;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compiled.Generators.Parsing;

/// <summary>
/// Reads what it can of a configuration file that does not parse, so that one YAML mistake costs one diagnostic (CPL0006)
/// and not an error at every use of a catalog or parameters member the mistake hid. The file is cut into top-level blocks
/// (a key at column 0 and the lines below it); the blocks that hold an error are blanked out and the rest is read again,
/// as YAML, with its places unchanged. Each blanked block is then read line by line by indentation (<see cref="Salvage"/>):
/// its key, and the keys, scalars and lists below it, which is what a misindented or misquoted entry still says.
/// Nothing here throws; the result only shapes generated code, never a diagnostic.
/// </summary>
internal static class YamlRecovery
{
    /// <summary>The entries of <paramref name="text"/> around the error at 0-based <paramref name="errorLine"/>, or null if none can be read.</summary>
    public static YamlMapping? Recover(string path, SourceText text, int errorLine)
    {
        try
        {
            var blocks = Blocks(text);
            var blanked = new SortedSet<int>();
            var line = errorLine;
            for (var attempt = 0; attempt <= blocks.Count; attempt++)
            {
                var block = blocks.FindIndex(b => b.Start <= line && line < b.End);
                if (block < 0 || !blanked.Add(block)) return null; // an error outside every block, or one blanking did not remove
                var readable = Blank(text, blanked.Select(b => blocks[b]));
                if (!YamlParser.TryReadMapping(path, readable, out var root, out line)) continue;

                var entries = root!.Entries.ToList();
                foreach (var b in blanked)
                {
                    if (Salvage(path, text, blocks[b]) is { } entry && entries.All(e => e.Key != entry.Key)) entries.Add(entry);
                }

                return new YamlMapping(entries.OrderBy(e => e.KeyLocation.Start).ToEquatableArray(), root.Location);
            }

            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null; // the recovery is a courtesy: the file's CPL0006 stands either way
        }
    }

    /// <summary>A top-level block: lines [<see cref="Start"/>, <see cref="End"/>), 0-based.</summary>
    private readonly record struct Block(int Start, int End);

    private static List<Block> Blocks(SourceText text)
    {
        var starts = new List<int>();
        foreach (var line in text.Lines)
        {
            var content = text.ToString(line.Span);
            if (content.Length > 0 && !char.IsWhiteSpace(content[0]) && content[0] != '#' && !content.StartsWith("---", StringComparison.Ordinal) &&
                !content.StartsWith("...", StringComparison.Ordinal))
            {
                starts.Add(line.LineNumber);
            }
        }

        return starts.Select((start, i) => new Block(start, i + 1 < starts.Count ? starts[i + 1] : text.Lines.Count)).ToList();
    }

    /// <summary>The text with every character of <paramref name="blocks"/> but line breaks turned into spaces: same length, same lines.</summary>
    private static SourceText Blank(SourceText text, IEnumerable<Block> blocks)
    {
        var characters = text.ToString().ToCharArray();
        foreach (var block in blocks)
        {
            var start = text.Lines[block.Start].Start;
            var end = block.End < text.Lines.Count ? text.Lines[block.End].Start : text.Length;
            for (var i = start; i < end; i++)
            {
                if (characters[i] is not '\r' and not '\n') characters[i] = ' ';
            }
        }

        return SourceText.From(new string(characters));
    }

    /// <summary>One block read by indentation: a line <c>key: value</c> or <c>key:</c> (a mapping or list follows), or <c>- item</c>.</summary>
    private static YamlEntry? Salvage(string path, SourceText text, Block block)
    {
        var first = text.Lines[block.Start];
        if (Split(text.ToString(first.Span)) is not { } written || written.Key.Length == 0) return null;
        var top = new Pending(written.Key, Locate(path, first, 0, written.KeyLength), -1, written.Value, Locate(path, first, 0, first.Span.Length));
        var open = new Stack<Pending>();
        open.Push(top);
        for (var number = block.Start + 1; number < block.End; number++)
        {
            var line = text.Lines[number];
            var content = text.ToString(line.Span);
            var trimmed = content.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            var indent = content.Length - trimmed.Length;
            while (open.Count > 1 && open.Peek().Indent >= indent) open.Pop();
            var parent = open.Peek();
            var location = Locate(path, line, indent, trimmed.Length);
            if (trimmed[0] == '-' && (trimmed.Length == 1 || trimmed[1] == ' '))
            {
                parent.Items.Add(Value(trimmed.Substring(1).Trim(), location));
                continue;
            }

            if (Split(trimmed) is not { } pair) continue;
            var child = new Pending(pair.Key, Locate(path, line, indent, pair.KeyLength), indent, pair.Value, location);
            parent.Children.Add(child);
            if (pair.Value.Length == 0) open.Push(child);
        }

        return top.ToEntry();
    }

    /// <summary>A key and its value as written on one line (quotes around the key removed), or null for a line that is not <c>key: …</c>.</summary>
    private static (string Key, string Value, int KeyLength)? Split(string line)
    {
        var trimmed = line.TrimEnd();
        if (trimmed.Length > 0 && trimmed[0] is '"' or '\'')
        {
            var close = trimmed.IndexOf(trimmed[0], 1);
            if (close < 0 || close + 1 >= trimmed.Length || trimmed[close + 1] != ':') return null;
            return (trimmed.Substring(1, close - 1), trimmed.Substring(close + 2).Trim(), close + 1);
        }

        var colon = trimmed.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0 && trimmed.EndsWith(":", StringComparison.Ordinal)) colon = trimmed.Length - 1;
        if (colon <= 0) return null;
        return (trimmed.Substring(0, colon).Trim(), trimmed.Substring(colon + 1).Trim(), colon);
    }

    /// <summary>A value written on one line: quoted, a flow list or mapping (read as YAML when it parses), or plain.</summary>
    private static YamlValue Value(string written, FileLocation location)
    {
        var comment = written.IndexOf(" #", StringComparison.Ordinal);
        if (written.Length > 0 && written[0] is '[' or '{')
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(written));
                if (stream.Documents.Count == 1) return Convert(stream.Documents[0].RootNode, location);
            }
            catch (YamlException)
            {
                // read as text below
            }
        }

        if (written.Length >= 2 && written[0] is '"' or '\'' && written.LastIndexOf(written[0]) is var close and > 0)
        {
            return new YamlScalar(written.Substring(1, close - 1), false, location);
        }

        var plain = (comment >= 0 ? written.Substring(0, comment) : written).Trim();
        return new YamlScalar(YamlRules.IsNull(ScalarStyle.Plain, plain) ? null : plain, true, location);
    }

    /// <summary>A one-line flow value, every part placed on the line it came from.</summary>
    private static YamlValue Convert(YamlNode node, FileLocation location) => node switch
    {
        YamlMappingNode mapping => new YamlMapping(
            mapping.Children.Select(c => new YamlEntry((c.Key as YamlScalarNode)?.Value ?? "", location, Convert(c.Value, location))).ToEquatableArray(), location),
        YamlSequenceNode sequence => new YamlSequence(sequence.Children.Select(c => Convert(c, location)).ToEquatableArray(), location),
        YamlScalarNode scalar => new YamlScalar(YamlRules.IsNull(scalar.Style, scalar.Value) ? null : scalar.Value, YamlRules.IsPlain(scalar.Style), location),
        _ => new YamlScalar(null, true, location),
    };

    private static FileLocation Locate(string path, TextLine line, int column, int length) =>
        new(path, line.Start + column, length, line.LineNumber, column, line.LineNumber, column + length);

    /// <summary>A key read from a line, and what was read below it.</summary>
    private sealed class Pending(string key, FileLocation keyLocation, int indent, string value, FileLocation location)
    {
        public string Key { get; } = key;

        public int Indent { get; } = indent;

        public List<Pending> Children { get; } = new();

        public List<YamlValue> Items { get; } = new();

        public YamlEntry ToEntry()
        {
            YamlValue result = value.Length > 0 ? Value(value, location)
                : Items.Count > 0 ? new YamlSequence(Items.ToEquatableArray(), location)
                : Children.Count > 0 ? new YamlMapping(Children.GroupBy(c => c.Key).Select(g => g.Last().ToEntry()).ToEquatableArray(), location)
                : new YamlScalar(null, true, location);
            return new YamlEntry(Key, keyLocation, result);
        }
    }
}
