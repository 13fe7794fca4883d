namespace Compiled.Generators.Model;

/// <summary>
/// The identifiers of one generated scope (a method's locals and parameters, a class's fields or methods): each name
/// is handed out once, numbered from 2 when it is taken, and a key asked twice gets its first name back. One builder
/// per scope; names declared by the scope's fixed text are reserved when it is created.
/// </summary>
internal sealed class UniqueNameBuilder
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);

    /// <summary>A builder whose scope already declares <paramref name="reserved"/>.</summary>
    public UniqueNameBuilder(IEnumerable<string> reserved)
    {
        foreach (var name in reserved) _used.Add(name);
    }

    /// <summary>The name of <paramref name="key"/>: <paramref name="baseName"/>, or <c>baseName2</c>, <c>baseName3</c>… when taken.</summary>
    public string Of(string key, string baseName) => Of(key, baseName, static (name, i) => name + i);

    /// <summary>The name of <paramref name="key"/>, numbering with <paramref name="numbered"/> (base name, number from 2) when taken.</summary>
    public string Of(string key, string baseName, Func<string, int, string> numbered)
    {
        if (_byKey.TryGetValue(key, out var existing)) return existing;
        var candidate = baseName;
        if (!_used.Add(candidate))
        {
            // Numbering resumes after the last number this base name was given: many keys with one base name stay linear.
            _next.TryGetValue(baseName, out var i);
            for (i = Math.Max(i, 2); !_used.Add(candidate = numbered(baseName, i)); i++)
            {
            }

            _next[baseName] = i + 1;
        }

        _byKey.Add(key, candidate);
        return candidate;
    }

    /// <summary>The name <paramref name="key"/> was given, if it was.</summary>
    public string this[string key] => _byKey[key];
}
