using Compiled.Config;

namespace Compiled.Datasets;

/// <summary>
/// Turns a file dataset into a versioned one (<c>versioned: true</c> in <c>catalog.yml</c>): every save
/// writes <c>&lt;filepath&gt;/&lt;version&gt;/&lt;file name&gt;</c> and never replaces an existing version.
/// </summary>
/// <param name="LoadVersion">
/// The version loads read (the entry's <c>load_version</c>); null reads the latest, i.e. the greatest
/// version string in ordinal order.
/// </param>
public sealed record DatasetVersioning(string? LoadVersion = null)
{
    /// <summary>Versioned, loading the latest version.</summary>
    public static DatasetVersioning Latest { get; } = new();

    /// <summary>
    /// The versioning a catalog entry asks for: null unless it has <c>versioned: true</c>; its
    /// <c>load_version</c>, when present, pins the version loads read.
    /// </summary>
    /// <param name="config">The catalog entry.</param>
    /// <exception cref="DatasetException"><c>versioned</c> is not a boolean, or <c>load_version</c> is malformed or set without <c>versioned: true</c>.</exception>
    public static DatasetVersioning? FromConfig(DatasetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var versioned = config.GetBoolean("versioned", defaultValue: false);
        var loadVersion = config.GetString("load_version");
        if (!versioned)
        {
            if (loadVersion is not null)
                throw config.Error("sets 'load_version' but is not versioned; add 'versioned: true' or remove 'load_version'", config.Entry["load_version"]!.Location);
            return null;
        }
        if (loadVersion is null) return Latest;
        if (!DatasetVersion.IsValid(loadVersion))
            throw config.Error($"key 'load_version' must name a version directory (e.g. 2026-11-25T16.30.00.123Z), not '{loadVersion}'", config.Entry["load_version"]!.Location);
        return new DatasetVersioning(loadVersion);
    }
}
