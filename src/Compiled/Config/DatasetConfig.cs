using System.Globalization;

namespace Compiled.Config;

/// <summary>
/// One catalog entry as configured for the session's environment: its <c>type</c> and the rest of
/// its keys (<c>filepath</c>, <c>load_args</c>, …), with the file and line each came from.
/// Datasets build themselves from it; every accessor throws a <see cref="DatasetException"/> naming
/// the dataset, the key and the YAML location when a value is missing or malformed.
/// </summary>
public sealed class DatasetConfig
{
    private readonly ProjectConfig? _project;

    // The store of the partitioned dataset this entry is a partition of (see ForPartition); null otherwise.
    private Storage.IFileStore? _store;

    /// <summary>Creates the configuration of dataset <paramref name="name"/>.</summary>
    /// <param name="name">The catalog name.</param>
    /// <param name="entry">The entry's keys and values.</param>
    /// <param name="projectPath">The directory relative paths are resolved against.</param>
    /// <param name="project">The project configuration credentials are looked up in; null when there is none.</param>
    public DatasetConfig(string name, ConfigMapping entry, string projectPath, ProjectConfig? project = null)
    {
        Name = name;
        Entry = entry;
        ProjectPath = projectPath;
        _project = project;
    }

    /// <summary>
    /// This entry with <c>${runtime:name}</c> / <c>${runtime:name,default}</c> resolved from one run's values.
    /// Generated code calls it for entries that use runtime values, once per run. Runtime values come from callers
    /// and are untrusted: in paths and connection strings each must be exactly one path segment, SQL text takes none
    /// (bind them through <c>parameters</c>), and a <c>table_name</c> must be listed in <c>allowed_tables</c>.
    /// </summary>
    /// <exception cref="RuntimeValueException">A given value is refused where the entry writes it; the message names the dataset and the value, never the value itself.</exception>
    /// <exception cref="DatasetException">A runtime value the entry needs was not given and has no default, or the entry writes one where none may go.</exception>
    public DatasetConfig WithRuntimeValues(params ReadOnlySpan<(string Name, string? Value)> values)
    {
        try
        {
            return new DatasetConfig(Name, RuntimeValueResolver.Resolve(this, values.ToArray()), ProjectPath, _project);
        }
        catch (ConfigException exception)
        {
            throw Error(exception.Problem, exception.Location, exception);
        }
    }

    /// <summary>
    /// The credentials this entry names with its <c>credentials</c> key, resolved from
    /// <c>conf/&lt;env&gt;/credentials.yml</c> and environment variables; null when it names none.
    /// </summary>
    public ConfigMapping? GetCredentials() => GetCredentials("credentials");

    /// <summary>
    /// The credentials named by the entry's key <paramref name="key"/> (e.g. <c>connection</c> of a
    /// <c>sql</c> entry), resolved as <see cref="GetCredentials()"/> does; null when the key is absent.
    /// </summary>
    public ConfigMapping? GetCredentials(string key)
    {
        var name = GetString(key);
        if (name is null) return null;
        if (_project is null) throw Error($"names credentials '{name}' but no project configuration is available");
        try
        {
            return _project.GetCredentials(name, Entry[key]!.Location);
        }
        catch (ConfigException exception)
        {
            throw Error(exception.Problem, exception.Location, exception);
        }
    }

    /// <summary>
    /// Serialization metadata for a <c>json</c> dataset: the session's <see cref="SessionOptions.JsonTypeInfoResolver"/>,
    /// or null when there is none (or no project configuration).
    /// </summary>
    public System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver? JsonTypeInfoResolver => _project?.JsonTypeInfoResolver;

    /// <summary>The dataset's catalog name.</summary>
    public string Name { get; }

    /// <summary>The entry's keys and values.</summary>
    public ConfigMapping Entry { get; }

    /// <summary>The project directory relative paths are resolved against.</summary>
    public string ProjectPath { get; }

    /// <summary>Where the entry was written.</summary>
    public ConfigLocation Location => Entry.Location;

    /// <summary>The entry's <c>type</c>.</summary>
    public string Type => GetString("type") ?? "memory";

    /// <summary>The scalar at <paramref name="key"/>, or null when absent.</summary>
    public string? GetString(string key) => Entry[key] switch
    {
        null => null,
        ConfigScalar scalar => scalar.Value,
        var other => throw Error($"key '{key}' must be a scalar value", other.Location),
    };

    /// <summary>
    /// The scalar at <paramref name="key"/>; throws naming the dataset and the key when absent, or naming the file
    /// and line that set it to null (<c>~</c>, perhaps in an environment's file over a base value).
    /// </summary>
    public string GetRequiredString(string key) => Entry[key] switch
    {
        null => throw Error($"is missing the required key '{key}'", Location),
        ConfigScalar { Value: null } unset => throw Error($"sets the required key '{key}' to null (~): give it a value", unset.Location),
        _ => GetString(key)!,
    };

    /// <summary>The boolean at <paramref name="key"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public bool GetBoolean(string key, bool defaultValue) => GetString(key) switch
    {
        null => defaultValue,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw Error($"key '{key}' must be true or false, not '{text}'", Entry[key]!.Location),
    };

    /// <summary>The integer at <paramref name="key"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public int GetInt32(string key, int defaultValue) => GetString(key) switch
    {
        null => defaultValue,
        var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) => value,
        var text => throw Error($"key '{key}' must be an integer, not '{text}'", Entry[key]!.Location),
    };

    /// <summary>The mapping at <paramref name="key"/> (e.g. <c>load_args</c>), or null when absent.</summary>
    public ConfigMapping? GetMapping(string key) => Entry[key] switch
    {
        null => null,
        ConfigMapping mapping => mapping,
        var other => throw Error($"key '{key}' must be a mapping", other.Location),
    };

    /// <summary>The path of a file at <paramref name="key"/>, made absolute against <see cref="ProjectPath"/>.</summary>
    /// <exception cref="DatasetException">The key is missing, null, empty, or ends with a directory separator.</exception>
    public string GetRequiredPath(string key = "filepath")
    {
        var path = GetRequiredString(key);
        if (string.IsNullOrWhiteSpace(path))
            throw Error($"sets key '{key}' to an empty path: give it the path of the dataset's file, relative to the project directory", Entry[key]!.Location);
        if (Path.EndsInDirectorySeparator(path))
            throw Error($"sets key '{key}' to '{path}', which names a directory: give it the path of the dataset's file", Entry[key]!.Location);
        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(ProjectPath, path));
    }

    /// <summary>
    /// The file at <paramref name="key"/>: a local path made absolute against <see cref="ProjectPath"/> (as
    /// <see cref="GetRequiredPath"/>), or an object store URL (<c>s3://bucket/key</c>, <c>abfs://container/path</c>) opened
    /// by the provider registered for its scheme (<see cref="SessionOptions.FileStores"/>) with the entry's
    /// <c>credentials</c>.
    /// </summary>
    /// <exception cref="DatasetException">The key is missing or malformed, no store serves the URL's scheme, or the credentials are incomplete.</exception>
    public Storage.FileLocation GetFileLocation(string key = "filepath") => GetLocation(key, directory: false);

    /// <summary>
    /// The file, or with <paramref name="directory"/> the folder or prefix, at <paramref name="key"/>: see
    /// <see cref="GetFileLocation"/>. A partition's configuration (<see cref="ForPartition"/>) reuses its dataset's store.
    /// </summary>
    internal Storage.FileLocation GetLocation(string key, bool directory)
    {
        var path = GetRequiredString(key);
        if (!Storage.StorageUrl.TryGetScheme(path, out var scheme))
        {
            if (!directory) return Storage.FileLocation.Local(GetRequiredPath(key));
            if (string.IsNullOrWhiteSpace(path))
                throw Error($"sets key '{key}' to an empty path: give it the folder of the partitions, relative to the project directory", Entry[key]!.Location);
            return Storage.FileLocation.Local(Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(ProjectPath, path)));
        }
        if (directory) path = path.TrimEnd('/');
        if (_store is not null) return new Storage.FileLocation(_store, path);
        var location = Entry[key]!.Location;
        var provider = _project?.FileStores.FirstOrDefault(p => p.Schemes.Contains(scheme, StringComparer.Ordinal))
            ?? throw Error(
                $"sets key '{key}' to a {scheme}:// URL, but no object store serves '{scheme}'. Reference the store's package " +
                "(Compiled.Storage.Azure for abfs:// and az://, Compiled.Storage.S3 for s3://) and list its provider in SessionOptions.FileStores",
                location);
        var credentials = GetCredentials();
        try
        {
            return new Storage.FileLocation(provider.Create(path, credentials), path);
        }
        catch (Storage.StorageException exception)
        {
            throw Error(Datasets.DatasetErrors.FirstLine(exception.Message).TrimEnd('.'), location, exception);
        }
    }

    /// <summary>
    /// The configuration of one partition of this (partitioned) dataset: named <c>name[id]</c> in errors, with
    /// <paramref name="entry"/> as its entry, and <paramref name="store"/> for its object store URLs.
    /// </summary>
    internal DatasetConfig ForPartition(string id, ConfigMapping entry, Storage.IFileStore store) =>
        new($"{Name}[{id}]", entry, ProjectPath, _project) { _store = store };

    /// <summary>An exception naming this dataset, the problem and where it was configured.</summary>
    public DatasetException Error(string problem, ConfigLocation? location = null, Exception? inner = null) =>
        new(Name, $"Dataset '{Name}' ({location ?? Location}) {problem}.", inner);
}
