namespace Compiled.Config;

/// <summary>
/// The project's configuration for one environment: <c>conf/base</c> deep-merged with
/// <c>conf/&lt;environment&gt;</c> (the environment wins), read once when a session is created.
/// Reading configuration opens no dataset.
/// </summary>
public sealed class ProjectConfig
{
    private ProjectConfig(string projectPath, string environment, ConfigMapping catalog, IReadOnlyList<string> catalogFiles)
    {
        ProjectPath = projectPath;
        Environment = environment;
        Catalog = catalog;
        CatalogFiles = catalogFiles;
    }

    /// <summary>The project directory: the one holding <c>conf/</c>.</summary>
    public string ProjectPath { get; }

    /// <summary>The environment whose configuration overrides <c>conf/base</c>.</summary>
    public string Environment { get; }

    /// <summary>The merged catalog: entry name to entry.</summary>
    public ConfigMapping Catalog { get; }

    /// <summary>The catalog files read, base first.</summary>
    public IReadOnlyList<string> CatalogFiles { get; }

    /// <summary>Reads <c>conf/base</c> and <c>conf/<paramref name="environment"/></c> under <paramref name="projectPath"/>.</summary>
    public static ProjectConfig Load(string projectPath, string environment)
    {
        var files = new List<string>();
        var catalog = ReadEnvironment(projectPath, "base", "catalog", files);
        if (environment != "base")
        {
            catalog = ConfigMerger.Merge(catalog, ReadEnvironment(projectPath, environment, "catalog", files));
        }

        return new ProjectConfig(projectPath, environment, catalog, files);
    }

    /// <summary>The configuration of catalog entry <paramref name="name"/>.</summary>
    /// <exception cref="ConfigException">The entry is missing or is not a mapping.</exception>
    public DatasetConfig GetDataset(string name) => Catalog[name] switch
    {
        ConfigMapping entry => new DatasetConfig(name, entry, ProjectPath),
        null => throw new ConfigException(
            $"the catalog has no entry '{name}', which this build of the project uses. Add it to conf/base/catalog.yml or conf/{Environment}/catalog.yml " +
            $"(files read: {(CatalogFiles.Count == 0 ? "none" : string.Join(", ", CatalogFiles))})",
            new ConfigLocation(Path.Combine(ProjectPath, "conf"), 0, 0)),
        var other => throw new ConfigException($"catalog entry '{name}' must be a mapping", other.Location),
    };

    /// <summary>Reads and merges every <c>{pattern}*.yml</c> / <c>.yaml</c> of one environment, in path order.</summary>
    private static ConfigMapping ReadEnvironment(string projectPath, string environment, string pattern, List<string> files)
    {
        var directory = Path.Combine(projectPath, "conf", environment);
        var merged = new ConfigMapping([], new ConfigLocation(directory, 0, 0));
        if (!Directory.Exists(directory)) return merged;
        var paths = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .Where(p => Path.GetFileName(p).StartsWith(pattern, StringComparison.OrdinalIgnoreCase) ||
                        Path.GetRelativePath(directory, p).StartsWith(pattern, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            files.Add(path);
            merged = ConfigMerger.Merge(merged, YamlConfigReader.ReadMapping(path));
        }

        return merged;
    }
}
