namespace Compiled.Storage;

/// <summary>
/// A file of a file dataset: its store and its path in it. A string converts to a file on the local disk, so that
/// <c>new CsvDataset&lt;Row&gt;("rows", "data/rows.csv")</c> keeps working; files in object stores come from the
/// catalog (<see cref="Config.DatasetConfig.GetFileLocation"/>) or from <see cref="FileLocation(IFileStore, string)"/>.
/// </summary>
public sealed record FileLocation
{
    /// <summary>A file in <paramref name="store"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="path">The path in the store (an absolute path on disk, a URL in an object store).</param>
    public FileLocation(IFileStore store, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Store = store;
        Path = path;
    }

    /// <summary>The store.</summary>
    public IFileStore Store { get; }

    /// <summary>The path in the store: an absolute path on disk, a URL in an object store.</summary>
    public string Path { get; }

    /// <summary>A file on the local disk; a relative path is resolved against the current directory.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or is a URL (<c>s3://…</c>): such files come from the catalog or a store.</exception>
    public static FileLocation Local(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (StorageUrl.TryGetScheme(path, out var scheme))
            throw new ArgumentException(
                $"'{path}' is a {scheme}:// URL, not a local path: build the dataset from the catalog (with the store's provider in SessionOptions.FileStores) " +
                "or pass new FileLocation(store, url).", nameof(path));
        return new FileLocation(LocalFileStore.Instance, System.IO.Path.GetFullPath(path));
    }

    /// <summary>A file on the local disk: see <see cref="Local"/>.</summary>
    public static implicit operator FileLocation(string path) => Local(path);

    /// <summary>The path.</summary>
    public override string ToString() => Path;
}
