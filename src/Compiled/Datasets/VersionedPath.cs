using Compiled.Storage;

namespace Compiled.Datasets;

/// <summary>
/// Kedro's layout of a versioned file: the configured <c>filepath</c> becomes a directory holding one
/// directory per version, each with the file: <c>data/06_models/regressor.json/2026-11-25T16.30.00.123Z/regressor.json</c>.
/// Resolves the file a load reads and the file a save writes, and refuses to reuse a version.
/// </summary>
internal sealed class VersionedPath
{
    private readonly IFileStore _store;

    public VersionedPath(string name, IFileStore store, string filePath, string? loadVersion)
    {
        if (loadVersion is not null && !DatasetVersion.IsValid(loadVersion))
            throw new ArgumentException($"'{loadVersion}' cannot name a version directory.", nameof(loadVersion));
        Name = name;
        _store = store;
        BasePath = filePath;
        FileName = Path.GetFileName(filePath.TrimEnd('/'));
        LoadVersion = loadVersion;
    }

    /// <summary>The dataset's catalog name, for errors.</summary>
    public string Name { get; }

    /// <summary>The configured path: the directory of the versions.</summary>
    public string BasePath { get; }

    /// <summary>The name of the file inside each version directory.</summary>
    public string FileName { get; }

    /// <summary>The pinned version, or null for the latest.</summary>
    public string? LoadVersion { get; }

    /// <summary>The file of <paramref name="version"/>.</summary>
    public string PathOf(string version)
    {
        if (!DatasetVersion.IsValid(version))
            throw new DatasetException(Name, $"Dataset '{Name}' ({BasePath}): '{version}' cannot name a version (it must be a plain directory name, e.g. {DatasetVersion.FromTimestamp(DateTimeOffset.UnixEpoch)}).");
        return _store.Combine(BasePath, version + "/" + FileName);
    }

    /// <summary>The versions that have the file, in ordinal order (oldest first for generated versions).</summary>
    public IReadOnlyList<string> ListVersions()
    {
        // A save in progress has only a temporary file (an uncommitted upload): not a version yet.
        var versions = new List<string>();
        foreach (var file in Ask(BasePath, () => _store.ListFiles(BasePath)))
        {
            var slash = file.IndexOf('/');
            if (slash > 0 && file.AsSpan(slash + 1).SequenceEqual(FileName)) versions.Add(file[..slash]);
        }
        versions.Sort(StringComparer.Ordinal);
        return versions;
    }

    /// <summary>The latest version, or null when none was saved.</summary>
    public string? LatestVersion()
    {
        string? latest = null;
        foreach (var version in ListVersions()) latest = version;
        return latest;
    }

    /// <summary>The file a load reads: the pinned version's, or the latest version's.</summary>
    /// <exception cref="DatasetException">No version was saved yet, or the pinned one does not exist.</exception>
    public string ResolveLoad(string? version = null)
    {
        version ??= LoadVersion;
        if (version is not null)
        {
            var path = PathOf(version);
            if (Exists(path)) return path;
            throw new DatasetException(Name,
                $"Dataset '{Name}' ({BasePath}): version '{version}' not found (no file {path}). " +
                $"Versions saved: {Describe(ListVersions())}.");
        }
        var latest = LatestVersion() ?? throw new DatasetException(Name,
            $"Dataset '{Name}' ({BasePath}): no version has been saved yet (the dataset is versioned: each save writes " +
            $"{_store.Combine(BasePath, "<version>/" + FileName)}). Run the node that produces '{Name}' first.");
        return PathOf(latest);
    }

    /// <summary>Whether a load would find a file.</summary>
    public bool LoadExists() => LoadVersion is { } pinned ? Exists(PathOf(pinned)) : LatestVersion() is not null;

    /// <summary>
    /// The file a save of <paramref name="version"/> writes. The process's first save of the dataset deletes the
    /// temporary files that killed saves left in the newest version directories (see <see cref="TempFiles.SweepStaleOnce"/>).
    /// </summary>
    /// <exception cref="DatasetException">The version exists already.</exception>
    public string ForSave(string version)
    {
        var path = PathOf(version);
        if (Exists(path)) throw VersionExists(version, path);
        if (_store is LocalFileStore) TempFiles.SweepStaleOnce(BasePath, FileName);
        return path;
    }

    /// <summary>
    /// The file of the first version from <paramref name="version"/> on that no save has taken, for a save that moves on
    /// rather than fail (<see cref="FirstFree"/>). Another process may take the version between the directory check and
    /// this one; the save then moves on again, here or when its no-overwrite write collides.
    /// </summary>
    public string ForNewSave(ref string version)
    {
        while (true)
        {
            version = FirstFree(version);
            var path = PathOf(version);
            if (!Exists(path))
            {
                if (_store is LocalFileStore) TempFiles.SweepStaleOnce(BasePath, FileName);
                return path;
            }

            version = DatasetVersion.Next(version) ?? throw VersionExists(version, path);
        }
    }

    /// <summary>
    /// The first version from <paramref name="version"/> on that no save has taken: whose directory does not exist
    /// (a directory without the file is a save in progress, or one that crashed). A version in Kedro's format moves
    /// on a millisecond at a time; any other version is returned as it is.
    /// </summary>
    public string FirstFree(string version)
    {
        while (Ask(BasePath, () => _store.DirectoryExists(_store.Combine(BasePath, version))) && DatasetVersion.Next(version) is { } next) version = next;
        return version;
    }

    /// <summary>The error of a save that would overwrite <paramref name="version"/>.</summary>
    public DatasetException VersionExists(string version, string path, Exception? inner = null) => new(Name,
        $"Dataset '{Name}': version '{version}' already exists ({path}); versioned datasets never overwrite a version. " +
        "Save under a new version.", inner);

    private bool Exists(string path) => Ask(path, () => _store.Exists(path));

    // A store that cannot be asked (container missing, access denied) fails the dataset's operation, naming it.
    private T Ask<T>(string path, Func<T> ask)
    {
        try
        {
            return ask();
        }
        catch (StorageException ex)
        {
            throw new DatasetException(Name, $"Dataset '{Name}' ({path}): {DatasetErrors.Sentence(ex.Message)}", ex);
        }
    }

    private static string Describe(IReadOnlyList<string> versions) => versions.Count switch
    {
        0 => "none",
        <= 10 => string.Join(", ", versions),
        _ => string.Join(", ", versions.Take(5)) + $", … ({versions.Count - 10} more), " + string.Join(", ", versions.Skip(versions.Count - 5)),
    };
}
