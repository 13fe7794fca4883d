namespace Compiled.Docs.Tests;

/// <summary>
/// One fenced code block of a Markdown file: its language and flags (<c>```csharp fragment</c>), its first line,
/// the heading it sits under, and the setup code of a <c>&lt;!-- docs-test-setup … --&gt;</c> comment right above it:
/// declarations compiled beside the block (global usings, a static class of the values the block assumes, imported
/// with <c>global using static</c>), so that the block itself stays what the reader sees.
/// </summary>
public sealed record MarkdownBlock(string File, int Line, string Heading, string Language, IReadOnlyList<string> Flags, string Code, string? Setup)
{
    /// <summary>Whether the block is marked as a fragment on purpose: shown, not compiled.</summary>
    public bool IsFragment => Flags.Contains("fragment");

    /// <summary>Where the block is, for messages: <c>docs/hosting.md:9 (## What it needs)</c>.</summary>
    public override string ToString() => $"{File}:{Line} ({Heading})";

    /// <summary>The fenced blocks of <paramref name="relativePath"/> under <paramref name="root"/>.</summary>
    public static IEnumerable<MarkdownBlock> Read(string root, string relativePath)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(root, relativePath));
        var heading = "(top)";
        string? setup = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#')) heading = line.Trim();
            const string SetupMarker = "<!-- docs-test-setup";
            if (line.TrimStart().StartsWith(SetupMarker, StringComparison.Ordinal))
            {
                var text = new System.Text.StringBuilder();
                var rest = line.TrimStart()[SetupMarker.Length..];
                while (true)
                {
                    var end = rest.IndexOf("-->", StringComparison.Ordinal);
                    text.AppendLine(end >= 0 ? rest[..end] : rest);
                    if (end >= 0 || i + 1 >= lines.Length) break;
                    rest = lines[++i];
                }

                setup = text.ToString();
                continue;
            }

            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                if (line.Trim().Length > 0) setup = null; // setup applies only to the block right below it
                continue;
            }

            var info = line[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = i + 1;
            var code = new List<string>();
            for (i = start; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++) code.Add(lines[i]);
            yield return new MarkdownBlock(relativePath, start, heading, info.Length > 0 ? info[0] : "", info.Length > 0 ? info[1..] : [], string.Join('\n', code), setup);
            setup = null;
        }
    }
}
