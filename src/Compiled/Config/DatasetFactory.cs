namespace Compiled.Config;

/// <summary>
/// Resolves catalog entries through dataset factories: an entry named with <c>{placeholders}</c>
/// (<c>"{name}_csv"</c>) configures every dataset whose name matches it, with the captured text
/// substituted into its values (<c>filepath: data/01_raw/{name}.csv</c>). Matching and precedence are
/// <see cref="DatasetPatternMatcher"/>'s, shared with the source generator.
/// </summary>
public static class DatasetFactory
{
    /// <summary>
    /// The entry for dataset <paramref name="name"/>: the catalog's own entry when it has one, otherwise the
    /// most specific matching pattern entry instantiated for <paramref name="name"/>.
    /// </summary>
    /// <param name="catalog">The catalog: entry names to entries.</param>
    /// <param name="name">The dataset name.</param>
    /// <param name="entry">The entry, or null.</param>
    /// <param name="pattern">The pattern used, or null for an explicit entry (or no match).</param>
    /// <exception cref="ConfigException">The winning pattern entry is not a mapping, or a value names a placeholder the pattern lacks.</exception>
    public static bool TryResolve(ConfigMapping catalog, string name, out ConfigMapping? entry, out string? pattern)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(name);
        pattern = null;
        if (catalog[name] is ConfigMapping explicitEntry)
        {
            entry = explicitEntry;
            return true;
        }
        if (!DatasetPatternMatcher.TryResolve(catalog.Keys, name, out pattern, out var captures))
        {
            entry = null;
            return false;
        }
        entry = catalog[pattern!] switch
        {
            ConfigMapping mapping => Instantiate(mapping, captures, pattern!),
            var other => throw new ConfigException($"catalog pattern '{pattern}' must be a mapping", other!.Location),
        };
        return true;
    }

    /// <summary>
    /// A copy of the pattern entry <paramref name="patternEntry"/> with every <c>{placeholder}</c> in its
    /// scalar values (at any depth) replaced by its capture. Keys are kept; locations stay those of the pattern entry.
    /// </summary>
    /// <param name="patternEntry">The entry of the pattern.</param>
    /// <param name="captures">The captures of the match (see <see cref="DatasetPatternMatcher.TryMatch"/>).</param>
    /// <param name="pattern">The pattern, for error messages.</param>
    /// <exception cref="ConfigException">A value names a placeholder that has no capture.</exception>
    public static ConfigMapping Instantiate(ConfigMapping patternEntry, IReadOnlyDictionary<string, string> captures, string pattern = "")
    {
        ArgumentNullException.ThrowIfNull(patternEntry);
        ArgumentNullException.ThrowIfNull(captures);
        return (ConfigMapping)Substitute(patternEntry, captures, pattern);
    }

    private static ConfigNode Substitute(ConfigNode node, IReadOnlyDictionary<string, string> captures, string pattern) => node switch
    {
        ConfigScalar { Value: { } value } scalar => DatasetPatternMatcher.TrySubstitute(value, captures, out var result, out var unknown)
            ? (ReferenceEquals(result, value) ? scalar : new ConfigScalar(result, scalar.Location))
            : throw new ConfigException(
                $"the value '{value}' of catalog pattern '{pattern}' uses '{{{unknown}}}', which the pattern does not capture " +
                $"(it captures: {(captures.Count == 0 ? "nothing" : string.Join(", ", captures.Keys.Select(k => "{" + k + "}")))})",
                scalar.Location),
        ConfigMapping mapping => new ConfigMapping(mapping.Entries.Select(e => new KeyValuePair<string, ConfigNode>(e.Key, Substitute(e.Value, captures, pattern))), mapping.Location),
        ConfigSequence sequence => new ConfigSequence(sequence.Items.Select(i => Substitute(i, captures, pattern)).ToArray(), sequence.Location),
        _ => node,
    };
}
