using System.Diagnostics.CodeAnalysis;

namespace Compiled.Storage;

/// <summary>
/// Object store URLs: <c>scheme://container/key</c> (<c>s3://bucket/data/rows.csv</c>,
/// <c>abfs://container/data/rows.csv</c>). Parsing checks what goes into requests: a container name and a key
/// without empty, <c>.</c> or <c>..</c> segments.
/// </summary>
public readonly record struct StorageUrl(string Scheme, string Container, string Key)
{
    /// <summary>Whether <paramref name="path"/> starts with a URL scheme (<c>letters://</c>, at least two letters so that <c>C:/</c> is a path).</summary>
    public static bool TryGetScheme(string path, [NotNullWhen(true)] out string? scheme)
    {
        ArgumentNullException.ThrowIfNull(path);
        scheme = null;
        var end = path.IndexOf("://", StringComparison.Ordinal);
        if (end < 2) return false;
        for (var i = 0; i < end; i++)
        {
            var c = path[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') || (i == 0 && !char.IsAsciiLetter(c))) return false;
        }
        scheme = path[..end].ToLowerInvariant();
        return true;
    }

    /// <summary>Parses <paramref name="url"/>; the key may be empty (the container itself).</summary>
    /// <exception cref="StorageException">The URL has no scheme or container, or a key segment is empty, <c>.</c> or <c>..</c>.</exception>
    public static StorageUrl Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!TryGetScheme(url, out var scheme))
            throw Malformed(url, "it does not start with scheme://");
        var rest = url[(scheme.Length + 3)..];
        var slash = rest.IndexOf('/');
        var container = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? "" : rest[(slash + 1)..];
        if (container.Length == 0) throw Malformed(url, "it names no bucket or container");
        if (key.Length > 0)
        {
            foreach (var segment in key.TrimEnd('/').Split('/'))
            {
                if (segment is "" or "." or "..")
                    throw Malformed(url, "its key has an empty, '.' or '..' segment");
            }
        }
        return new StorageUrl(scheme, container, key);
    }

    /// <summary>The URL.</summary>
    public override string ToString() => $"{Scheme}://{Container}/{Key}";

    private static StorageException Malformed(string url, string problem) =>
        new(StorageFailure.Other, url, $"'{url}' is not a valid object store URL: {problem}. Write scheme://container/path/to/file.");
}
