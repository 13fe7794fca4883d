namespace Compiled.Config;

/// <summary>
/// A value read from the project's YAML configuration, with the place it was written.
/// One of <see cref="ConfigScalar"/>, <see cref="ConfigMapping"/> or <see cref="ConfigSequence"/>.
/// </summary>
public abstract class ConfigNode
{
    private protected ConfigNode(ConfigLocation location) => Location = location;

    /// <summary>Where the value was written.</summary>
    public ConfigLocation Location { get; }
}

/// <summary>A scalar value: the YAML text as written (quotes removed), or null for <c>~</c>/<c>null</c>.</summary>
public sealed class ConfigScalar : ConfigNode
{
    /// <summary>Creates a scalar.</summary>
    public ConfigScalar(string? value, ConfigLocation location) : base(location) => Value = value;

    /// <summary>The scalar's text, or null.</summary>
    public string? Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value ?? "null";
}

/// <summary>A mapping of keys to values, in file order.</summary>
public sealed class ConfigMapping : ConfigNode
{
    private readonly Dictionary<string, ConfigNode> _entries;
    private readonly List<string> _keys;

    /// <summary>Creates a mapping from ordered entries; a later duplicate key wins.</summary>
    public ConfigMapping(IEnumerable<KeyValuePair<string, ConfigNode>> entries, ConfigLocation location) : base(location)
    {
        _entries = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        _keys = new List<string>();
        foreach (var (key, value) in entries)
        {
            if (!_entries.ContainsKey(key)) _keys.Add(key);
            _entries[key] = value;
        }
    }

    /// <summary>The keys, in the order they were first written.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>The value at <paramref name="key"/>, or null.</summary>
    public ConfigNode? this[string key] => _entries.TryGetValue(key, out var node) ? node : null;

    /// <summary>Tries to get the value at <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigNode? value) =>
        _entries.TryGetValue(key, out value);

    /// <summary>The entries in key order.</summary>
    public IEnumerable<KeyValuePair<string, ConfigNode>> Entries
    {
        get
        {
            foreach (var key in _keys) yield return new(key, _entries[key]);
        }
    }
}

/// <summary>A sequence of values.</summary>
public sealed class ConfigSequence : ConfigNode
{
    /// <summary>Creates a sequence.</summary>
    public ConfigSequence(IReadOnlyList<ConfigNode> items, ConfigLocation location) : base(location) => Items = items;

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<ConfigNode> Items { get; }
}
