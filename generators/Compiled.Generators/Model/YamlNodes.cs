namespace Compiled.Generators.Model;

/// <summary>A YAML value with the place it was written: the generator's own, equatable YAML tree.</summary>
internal abstract record YamlValue(FileLocation Location);

/// <summary>A scalar; <paramref name="IsPlain"/> is false for quoted scalars (always strings).</summary>
internal sealed record YamlScalar(string? Value, bool IsPlain, FileLocation Location) : YamlValue(Location);

/// <summary>A mapping; keys are scalars.</summary>
internal sealed record YamlMapping(EquatableArray<YamlEntry> Entries, FileLocation Location) : YamlValue(Location)
{
    public YamlValue? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key == key) return entry.Value;
            }

            return null;
        }
    }
}

/// <summary>A sequence.</summary>
internal sealed record YamlSequence(EquatableArray<YamlValue> Items, FileLocation Location) : YamlValue(Location);

/// <summary>One key of a mapping.</summary>
internal sealed record YamlEntry(string Key, FileLocation KeyLocation, YamlValue Value);

/// <summary>Which configuration a YAML file holds.</summary>
internal enum ConfigFileKind
{
    Catalog,
    Parameters,
    Globals,
}

/// <summary>A parsed <c>conf/base</c> file: its root mapping, or the parse error that stopped it.</summary>
internal sealed record ConfigFileModel(string Path, ConfigFileKind Kind, YamlMapping? Root, DiagnosticInfo? Error)
{
    /// <summary>
    /// For a file that does not parse: the entries read around the error (<see cref="Parsing.YamlRecovery"/>), from which the
    /// generated code keeps the members the project's code uses; nothing is reported about them. Null when nothing could be read.
    /// </summary>
    public YamlMapping? Recovered { get; init; }

    /// <summary>The entries the generated code is built from: the root mapping, or what was recovered of a broken file.</summary>
    public YamlMapping? Content => Root ?? Recovered;
}
