using Compiled.Storage;

namespace Compiled.Datasets;

/// <summary>
/// The base of the datasets that keep their data in one file (<c>csv</c>, <c>json</c>, <c>text</c>,
/// <c>binary</c>, <c>parquet</c>, <c>excel</c>): it opens the file, writes it atomically (temporary file
/// and rename, so a failed save leaves the previous file byte for byte), names the dataset and the
/// file in every error, and implements versioning (<see cref="IVersionedDataset{T}"/>). The file is on the local disk
/// or in an object store (<see cref="FileLocation"/>: <c>s3://…</c>, <c>abfs://…</c>), where a save is as atomic
/// (an object appears only once complete) and versions are keys <c>&lt;filepath&gt;/&lt;version&gt;/&lt;file name&gt;</c>.
/// A derived class only reads and writes a stream. Derive from it to add a file format of your own.
/// </summary>
/// <typeparam name="T">The type of the data.</typeparam>
public abstract class FileDataset<T> : IVersionedDataset<T>
{
    private readonly VersionedPath? _versions;

    /// <summary>Creates the dataset.</summary>
    /// <param name="name">The catalog name of the dataset.</param>
    /// <param name="filePath">
    /// The file (a string is a local path, resolved against the current directory). When versioned, the
    /// directory of the versions: each version is <c>&lt;filePath&gt;/&lt;version&gt;/&lt;file name&gt;</c>.
    /// </param>
    /// <param name="versioning">Null for a plain file; otherwise how versions are loaded.</param>
    protected FileDataset(string name, FileLocation filePath, DatasetVersioning? versioning)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(filePath);
        Name = name;
        Store = filePath.Store;
        FilePath = filePath.Path;
        if (versioning is not null) _versions = new VersionedPath(name, Store, FilePath, versioning.LoadVersion);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The absolute path (or object store URL) of the file; for a versioned dataset, of the directory of its versions.</summary>
    public string FilePath { get; }

    /// <summary>The store the file is in.</summary>
    public IFileStore Store { get; }

    /// <summary>
    /// Whether <see cref="Read"/> and <see cref="Write"/> need a seekable stream (the default). A format that reads
    /// and writes front to back returns false, and then streams straight from and to an object store; otherwise the
    /// file goes through a temporary local copy.
    /// </summary>
    protected virtual bool NeedsSeekableStream => true;

    /// <inheritdoc />
    public bool IsVersioned => _versions is not null;

    /// <inheritdoc />
    public string? LoadVersion => _versions?.LoadVersion;

    /// <summary>Reads the file (the pinned or latest version when versioned).</summary>
    /// <exception cref="DatasetException">The file or version does not exist, or its content does not fit <typeparamref name="T"/>.</exception>
    public T Load() => LoadFrom(_versions?.ResolveLoad() ?? FilePath);

    /// <summary>Reads version <paramref name="version"/>; an unversioned dataset reads its file.</summary>
    /// <exception cref="DatasetException">The version does not exist, or its content does not fit <typeparamref name="T"/>.</exception>
    public T Load(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return LoadFrom(_versions?.ResolveLoad(version) ?? FilePath);
    }

    /// <summary>Reads the file asynchronously (the pinned or latest version when versioned).</summary>
    /// <exception cref="DatasetException">The file or version does not exist, or its content does not fit <typeparamref name="T"/>.</exception>
    public ValueTask<T> LoadAsync(CancellationToken cancellationToken = default)
    {
        var path = _versions?.ResolveLoad() ?? FilePath;
        return DatasetFile.ReadAsync(Name, Store, path, NeedsSeekableStream, (stream, ct) => ReadAsync(stream, path, ct), cancellationToken);
    }

    /// <summary>
    /// Replaces the file with <paramref name="data"/>, atomically; a versioned dataset writes a new
    /// version named after the current time instead (the next free millisecond when another save took it).
    /// </summary>
    /// <exception cref="DatasetException"><paramref name="data"/> is null or cannot be written; the previous file is then unchanged.</exception>
    public void Save(T data) => SaveCore(data, _versions is null ? null : DatasetVersion.Now(), moveOn: true);

    /// <summary>Writes <paramref name="data"/> as version <paramref name="version"/>; an unversioned dataset replaces its file.</summary>
    /// <exception cref="DatasetException">The version exists already, or <paramref name="data"/> is null or cannot be written.</exception>
    public void Save(T data, string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        SaveCore(data, _versions is null ? null : version, moveOn: false);
    }

    /// <summary>
    /// Writes <paramref name="data"/> as version <paramref name="version"/>, or as the next free version when another
    /// save (in any process) took it; an unversioned dataset replaces its file and returns <paramref name="version"/>.
    /// </summary>
    /// <returns>The version written.</returns>
    /// <exception cref="DatasetException"><paramref name="data"/> is null or cannot be written, or <paramref name="version"/> is not in Kedro's format and exists.</exception>
    public string SaveNewVersion(T data, string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return SaveCore(data, _versions is null ? null : version, moveOn: true) ?? version;
    }

    /// <summary>
    /// Replaces the file with <paramref name="data"/>, atomically and asynchronously; a versioned dataset writes a
    /// new version named after the current time instead (the next free millisecond when another save took it).
    /// </summary>
    /// <exception cref="DatasetException"><paramref name="data"/> is null or cannot be written; the previous file is then unchanged.</exception>
    public async ValueTask SaveAsync(T data, CancellationToken cancellationToken = default) =>
        await SaveCoreAsync(data, _versions is null ? null : DatasetVersion.Now(), moveOn: true, cancellationToken).ConfigureAwait(false);

    /// <summary>Writes <paramref name="data"/> as version <paramref name="version"/>, asynchronously; an unversioned dataset replaces its file.</summary>
    /// <exception cref="DatasetException">The version exists already, or <paramref name="data"/> is null or cannot be written.</exception>
    public async ValueTask SaveAsync(T data, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        await SaveCoreAsync(data, _versions is null ? null : version, moveOn: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="data"/> as a new version, asynchronously: see <see cref="SaveNewVersion"/>.</summary>
    /// <returns>The version written.</returns>
    /// <exception cref="DatasetException"><paramref name="data"/> is null or cannot be written, or <paramref name="version"/> is not in Kedro's format and exists.</exception>
    public async ValueTask<string> SaveNewVersionAsync(T data, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        return await SaveCoreAsync(data, _versions is null ? null : version, moveOn: true, cancellationToken).ConfigureAwait(false) ?? version;
    }

    /// <summary>Whether there is a file to load (for a versioned dataset: the pinned version, or any version).</summary>
    /// <exception cref="DatasetException">The store cannot be asked (access denied, bucket or container missing).</exception>
    public bool Exists()
    {
        if (_versions is not null) return _versions.LoadExists();
        try
        {
            return Store.Exists(FilePath);
        }
        catch (StorageException ex)
        {
            throw new DatasetException(Name, $"Dataset '{Name}' ({FilePath}): {DatasetErrors.Sentence(ex.Message)}", ex);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> ListVersions() => _versions?.ListVersions() ?? [];

    /// <summary>The file <see cref="Load()"/> reads now (for a versioned dataset, the pinned or latest version's).</summary>
    /// <exception cref="DatasetException">The dataset is versioned and has no version to load.</exception>
    public string ResolveLoadPath() => _versions?.ResolveLoad() ?? FilePath;

    /// <summary>The file of version <paramref name="version"/>; for an unversioned dataset, <see cref="FilePath"/>.</summary>
    public string PathOfVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return _versions?.PathOf(version) ?? FilePath;
    }

    /// <summary>Reads the data from <paramref name="stream"/>, the open file <paramref name="path"/>.</summary>
    /// <param name="stream">The file, open for reading; seekable unless <see cref="NeedsSeekableStream"/> is false.</param>
    /// <param name="path">The file's path, for error messages.</param>
    /// <returns>The data.</returns>
    /// <remarks>Throw <see cref="DatasetException"/> naming the file and the row or column at fault; any other exception is wrapped into one.</remarks>
    protected abstract T Read(Stream stream, string path);

    /// <summary>Reads the data from <paramref name="stream"/> asynchronously; by default calls <see cref="Read"/>.</summary>
    /// <param name="stream">The file, open for asynchronous reading; seekable unless <see cref="NeedsSeekableStream"/> is false.</param>
    /// <param name="path">The file's path, for error messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    protected virtual ValueTask<T> ReadAsync(Stream stream, string path, CancellationToken cancellationToken) => new(Read(stream, path));

    /// <summary>Writes <paramref name="data"/> to <paramref name="stream"/>, a temporary file that replaces <paramref name="path"/> when this returns.</summary>
    /// <param name="stream">A new temporary file (or object upload), open for writing; seekable unless <see cref="NeedsSeekableStream"/> is false; it may be disposed.</param>
    /// <param name="data">The data, not null.</param>
    /// <param name="path">The file being replaced, for error messages.</param>
    protected abstract void Write(Stream stream, T data, string path);

    /// <summary>Writes <paramref name="data"/> to <paramref name="stream"/> asynchronously; by default calls <see cref="Write"/>.</summary>
    /// <param name="stream">A new temporary file (or object upload), open for asynchronous writing; seekable unless <see cref="NeedsSeekableStream"/> is false; it may be disposed.</param>
    /// <param name="data">The data, not null.</param>
    /// <param name="path">The file being replaced, for error messages.</param>
    /// <param name="cancellationToken">Cancels the write; the previous file is then left unchanged.</param>
    protected virtual ValueTask WriteAsync(Stream stream, T data, string path, CancellationToken cancellationToken)
    {
        Write(stream, data, path);
        return default;
    }

    private T LoadFrom(string path) => DatasetFile.Read(Name, Store, path, NeedsSeekableStream, stream => Read(stream, path));

    // Writes the file, or the version's file; with moveOn, a version another save took moves on to the next free one.
    // Returns the version written (null when unversioned).
    private string? SaveCore(T data, string? version, bool moveOn)
    {
        while (true)
        {
            var path = SavePath(data, ref version, moveOn);
            try
            {
                DatasetFile.Write(Name, Store, path, NeedsSeekableStream, stream => Write(stream, data, path), overwrite: version is null);
                return version;
            }
            catch (StorageException ex) when (ex.Failure == StorageFailure.AlreadyExists && version is not null)
            {
                version = NextAfterCollision(version!, path, ex, moveOn);
            }
        }
    }

    private async ValueTask<string?> SaveCoreAsync(T data, string? version, bool moveOn, CancellationToken cancellationToken)
    {
        while (true)
        {
            var path = SavePath(data, ref version, moveOn);
            try
            {
                await DatasetFile.WriteAsync(Name, Store, path, NeedsSeekableStream, (stream, ct) => WriteAsync(stream, data, path, ct), cancellationToken, overwrite: version is null)
                    .ConfigureAwait(false);
                return version;
            }
            catch (StorageException ex) when (ex.Failure == StorageFailure.AlreadyExists && version is not null)
            {
                version = NextAfterCollision(version!, path, ex, moveOn);
            }
        }
    }

    // The file a save writes: the dataset's file, or the file of the version (with moveOn, of the first version no save has taken).
    private string SavePath(T data, ref string? version, bool moveOn)
    {
        var path = version is null ? FilePath : moveOn ? _versions!.ForNewSave(ref version) : _versions!.ForSave(version);
        if (data is null) throw DatasetErrors.NullSave(Name, path);
        return path;
    }

    // A concurrent save committed the version first: try the next one, or refuse to overwrite.
    private string NextAfterCollision(string version, string path, StorageException collision, bool moveOn) =>
        (moveOn ? DatasetVersion.Next(version) : null) ?? throw _versions!.VersionExists(version, path, collision);
}
