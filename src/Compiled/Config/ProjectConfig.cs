namespace Compiled.Config;

/// <summary>
/// The project's configuration for one environment: <c>conf/base</c> deep-merged with
/// <c>conf/&lt;environment&gt;</c> (the environment wins), read once when a session is created.
/// <c>${globals:…}</c> in a catalog entry is resolved when the entry is first used (<see cref="GetDataset"/>), so a
/// broken entry fails only the runs that use it; <c>${runtime:…}</c> stays until each run.
/// Credentials stay out of the catalog and are handed only to the dataset that names them.
/// Reading configuration opens no dataset.
/// </summary>
public sealed class ProjectConfig
{
    private readonly ConfigMapping _credentials;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ConfigMapping> _entries = new(StringComparer.Ordinal);

    private ProjectConfig(
        string projectPath, string environment, ConfigMapping catalog, ConfigMapping globals,
        ConfigMapping credentials, ConfigMapping parameterOverrides, IReadOnlyList<string> files)
    {
        ProjectPath = projectPath;
        Environment = environment;
        Catalog = catalog;
        Globals = globals;
        _credentials = credentials;
        ParameterOverrides = parameterOverrides;
        Files = files;
    }

    /// <summary>The project directory: the one holding <c>conf/</c>.</summary>
    public string ProjectPath { get; }

    /// <summary>The environment whose configuration overrides <c>conf/base</c>.</summary>
    public string Environment { get; }

    /// <summary>The merged catalog: entry name to entry, as written (<c>${globals:…}</c> is resolved by <see cref="GetDataset"/>).</summary>
    public ConfigMapping Catalog { get; }

    /// <summary>The merged <c>globals*.yml</c>.</summary>
    public ConfigMapping Globals { get; }

    /// <summary>
    /// The environment's <c>parameters*.yml</c> (not base: base parameters are compiled in). Applied
    /// over the compiled defaults when the session is created.
    /// </summary>
    public ConfigMapping ParameterOverrides { get; }

    /// <summary>The configuration files read, base first.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Serialization metadata for the <c>json</c> datasets built from this configuration (see
    /// <see cref="SessionOptions.JsonTypeInfoResolver"/>); null when none was given.
    /// </summary>
    public System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver? JsonTypeInfoResolver { get; private init; }

    /// <summary>
    /// The object stores file datasets may use, by URL scheme (see <see cref="SessionOptions.FileStores"/>); empty
    /// when none was given: file paths are then local.
    /// </summary>
    public IReadOnlyList<Storage.IFileStoreProvider> FileStores { get; private init; } = [];

    /// <summary>Reads <c>conf/base</c> and <c>conf/<paramref name="environment"/></c> under <paramref name="projectPath"/>.</summary>
    /// <param name="projectPath">The project directory.</param>
    /// <param name="environment">The environment whose configuration overrides <c>conf/base</c>.</param>
    /// <param name="jsonTypeInfoResolver">Serialization metadata for the <c>json</c> datasets; see <see cref="JsonTypeInfoResolver"/>.</param>
    /// <param name="fileStores">The object stores file datasets may use; see <see cref="FileStores"/>.</param>
    /// <exception cref="ConfigException">A file is malformed or an interpolation has no value; the message names the file and line.</exception>
    public static ProjectConfig Load(string projectPath, string environment,
        System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver? jsonTypeInfoResolver = null,
        IReadOnlyList<Storage.IFileStoreProvider>? fileStores = null)
    {
        var files = new List<string>();
        ConfigMapping Read(string pattern, bool includeBase = true)
        {
            var merged = includeBase ? ReadEnvironment(projectPath, "base", pattern, files) : Empty(projectPath);
            return environment == "base" ? merged : ConfigMerger.Merge(merged, ReadEnvironment(projectPath, environment, pattern, files));
        }

        var globals = Read("globals");
        var catalog = ReadCatalog(projectPath, environment, files);
        var credentials = Read("credentials");
        var parameters = environment == "base" ? Empty(projectPath) : ResolveParameters(ReadEnvironment(projectPath, environment, "parameters", files), globals);
        return new ProjectConfig(projectPath, environment, catalog, globals, credentials, parameters, files)
        {
            JsonTypeInfoResolver = jsonTypeInfoResolver,
            FileStores = fileStores ?? [],
        };
    }

    /// <summary>
    /// The configuration of catalog entry <paramref name="name"/>, or of the most specific dataset factory pattern it
    /// matches, with its <c>${globals:…}</c> resolved (once: later calls reuse it).
    /// </summary>
    /// <exception cref="ConfigException">The entry is missing or is not a mapping, or a global it uses has no value; the message names the entry, the file and the line.</exception>
    public DatasetConfig GetDataset(string name) => new(name, _entries.GetOrAdd(name, ResolveEntry), ProjectPath, this);

    private ConfigMapping ResolveEntry(string name) => (DatasetFactory.TryResolve(Catalog, name, out var resolved, out _) ? resolved : Catalog[name]) switch
    {
        ConfigMapping entry => ResolveGlobals(name, (ConfigMapping)Interpolation.WithRuntimeResolver(entry)),
        null => throw new ConfigException(
            $"the catalog has no entry '{name}', which this build of the project uses. Add it to conf/base/catalog.yml or conf/{Environment}/catalog.yml " +
            $"(files read: {(Files.Count == 0 ? "none" : string.Join(", ", Files))})",
            new ConfigLocation(Path.Combine(ProjectPath, "conf"), 0, 0)),
        var other => throw new ConfigException($"catalog entry '{name}' must be a mapping", other.Location),
    };

    /// <summary>
    /// An environment's parameters with Kedro's interpolations resolved as the build resolves those of <c>conf/base</c>:
    /// <c>${globals:…}</c> takes the global, <c>${runtime_params:name,default}</c> its default (a run changes a parameter
    /// by its path: <c>--params path=value</c>).
    /// </summary>
    private static ConfigMapping ResolveParameters(ConfigMapping parameters, ConfigMapping globals)
    {
        var withGlobals = Interpolation.ResolveAll(parameters, "globals", key => DottedPath.Find(globals, key));
        try
        {
            return (ConfigMapping)Interpolation.ResolveAll(Interpolation.WithRuntimeResolver(withGlobals), KedroCatalogNames.RuntimeResolver, _ => null);
        }
        catch (ConfigException exception)
        {
            throw new ConfigException(
                "a parameter takes ${runtime_params:…} without a default: parameters are compiled, so give it a default " +
                "(${runtime_params:name,value}) and change the parameter per run with --params path=value", exception.Location, exception);
        }
    }

    private ConfigMapping ResolveGlobals(string name, ConfigMapping entry)
    {
        try
        {
            return (ConfigMapping)Interpolation.ResolveAll(entry, "globals", key => DottedPath.Find(Globals, key));
        }
        catch (ConfigException exception)
        {
            var problem = exception.Message.StartsWith($"{exception.Location}: ", StringComparison.Ordinal)
                ? exception.Message[($"{exception.Location}: ").Length..]
                : exception.Message;
            throw new ConfigException($"catalog entry '{name}': {problem}", exception.Location, exception);
        }
    }

    /// <summary>
    /// The credentials named <paramref name="name"/>, from <c>credentials*.yml</c>, with
    /// <c>${env:VARIABLE}</c> resolved from environment variables now (never stored in generated code).
    /// </summary>
    /// <exception cref="ConfigException">No such credentials, or a variable they need is not set.</exception>
    public ConfigMapping GetCredentials(string name, ConfigLocation requestedAt) => _credentials[name] switch
    {
        ConfigMapping mapping => (ConfigMapping)Interpolation.ResolveAll(mapping, "env", System.Environment.GetEnvironmentVariable),
        null => throw new ConfigException(
            $"no credentials named '{name}': add them to conf/{Environment}/credentials.yml (never to conf/base, never to source control)", requestedAt),
        var other => throw new ConfigException($"credentials '{name}' must be a mapping", other.Location),
    };

    /// <summary>The base catalog merged with the environment's, after checking that the environment changes no entry's type.</summary>
    private static ConfigMapping ReadCatalog(string projectPath, string environment, List<string> files)
    {
        var baseCatalog = ReadEnvironment(projectPath, "base", "catalog", files);
        if (environment == "base") return baseCatalog;
        var environmentCatalog = ReadEnvironment(projectPath, environment, "catalog", files);
        EnvironmentCatalogCheck.Check(baseCatalog, environmentCatalog, environment);
        return ConfigMerger.Merge(baseCatalog, environmentCatalog);
    }

    private static ConfigMapping Empty(string projectPath) => new([], new ConfigLocation(Path.Combine(projectPath, "conf"), 0, 0));

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
