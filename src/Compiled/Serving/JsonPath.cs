namespace Compiled;

/// <summary>
/// JSON paths into a request body (<c>$.features.engines</c>, <c>$.orders[2].quantity</c>): read from
/// System.Text.Json's exceptions, and written so that a name the client chose appears only when it is plain
/// (letters, digits, <c>_</c> and <c>-</c>, at most 64 characters): a 400 names fields, it never repeats
/// arbitrary client text into a response or a log.
/// </summary>
internal static class JsonPath
{
    private const int LongestPlainName = 64;

    /// <summary>One step of a path: a property name or an array index.</summary>
    public readonly record struct Segment(string? Name, int Index);

    /// <summary>The steps of <paramref name="path"/> after its <c>$</c>; those it could read when it is malformed.</summary>
    public static List<Segment> Parse(string? path)
    {
        var segments = new List<Segment>();
        if (path is null || !path.StartsWith('$')) return segments;
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = path.Length;
                segments.Add(new Segment(path[(i + 1)..end], -1));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) break;
                segments.Add(new Segment(path[(i + 2)..end], -1));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index)) break;
                segments.Add(new Segment(null, index));
                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return segments;
    }

    /// <summary>Whether a name a client chose may be repeated in a response or a log.</summary>
    public static bool IsPlain(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > LongestPlainName) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
        }

        return true;
    }

    /// <summary><paramref name="path"/> followed by property <paramref name="name"/>, a name the application declared.</summary>
    public static string Property(string path, string name) => IsPlain(name) ? $"{path}.{name}" : $"{path}['{name}']";

    /// <summary><paramref name="path"/> followed by element <paramref name="index"/>.</summary>
    public static string Element(string path, int index) => $"{path}[{index}]";
}
