namespace Compiled.Storage;

/// <summary>
/// The common part of object stores (Azure Blob Storage, S3): paths are URLs (<see cref="StorageUrl"/>), streams are
/// sequential, a read downloads up to 1 MiB ahead of the reader in a background task, a write uploads through a <see cref="PartUploadStream"/> that is completed only after the writer
/// returned (aborted otherwise), and the store's own exceptions become <see cref="StorageException"/>s. The synchronous
/// members wait for the asynchronous ones (the SDKs are asynchronous).
/// </summary>
public abstract class ObjectFileStore : IFileStore
{
    /// <inheritdoc />
    public bool IsSeekable => false;

    /// <inheritdoc />
    public string Combine(string directory, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(relativePath);
        return directory.TrimEnd('/') + "/" + relativePath.TrimStart('/');
    }

    /// <inheritdoc />
    public Stream OpenRead(string path) => OpenReadAsync(path, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var url = StorageUrl.Parse(path);
        try
        {
            return new ReadAheadStream(await OpenReadAsync(url, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (Translate(ex, path, StorageFailure.NotFound) is { } translated)
        {
            throw translated;
        }
    }

    /// <inheritdoc />
    public void Write(string path, Action<Stream> write, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteAsync(path, (stream, _) =>
        {
            write(stream);
            return default;
        }, overwrite, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(string path, Func<Stream, CancellationToken, ValueTask> write, bool overwrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var url = StorageUrl.Parse(path);
        if (url.Key.Length == 0 || url.Key.EndsWith('/'))
            throw new StorageException(StorageFailure.Other, path, $"'{path}' names a directory, not an object: give the object's full key.");
        var upload = CreateUpload(url, overwrite);
        try
        {
            await write(upload, cancellationToken).ConfigureAwait(false);
            await upload.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await upload.AbortAsync().ConfigureAwait(false);
            if (Translate(ex, path, StorageFailure.ContainerNotFound) is { } translated) throw translated;
            throw;
        }
    }

    /// <inheritdoc />
    public bool Exists(string path) => Ask(path, url => ExistsAsync(url, CancellationToken.None));

    /// <inheritdoc />
    public bool DirectoryExists(string directory) => Ask(directory, url => AnyUnderAsync(url, CancellationToken.None));

    /// <inheritdoc />
    public IReadOnlyList<string> ListFiles(string directory) => Ask(directory, async url =>
    {
        var files = new List<string>();
        await foreach (var key in ListKeysAsync(url, CancellationToken.None).ConfigureAwait(false)) files.Add(key);
        files.Sort(StringComparer.Ordinal);
        return (IReadOnlyList<string>)files;
    });

    /// <summary>Opens the object at <paramref name="url"/> for reading, front to back.</summary>
    protected abstract ValueTask<Stream> OpenReadAsync(StorageUrl url, CancellationToken cancellationToken);

    /// <summary>A new upload of the object at <paramref name="url"/>; with <paramref name="overwrite"/> false its commit fails when the object exists.</summary>
    protected abstract PartUploadStream CreateUpload(StorageUrl url, bool overwrite);

    /// <summary>Whether the object at <paramref name="url"/> exists.</summary>
    protected abstract ValueTask<bool> ExistsAsync(StorageUrl url, CancellationToken cancellationToken);

    /// <summary>Whether any object's key starts with <paramref name="url"/>'s key followed by <c>/</c>.</summary>
    protected abstract ValueTask<bool> AnyUnderAsync(StorageUrl url, CancellationToken cancellationToken);

    /// <summary>The keys under <paramref name="url"/>'s key (followed by <c>/</c>), relative to it, in any order.</summary>
    protected abstract IAsyncEnumerable<string> ListKeysAsync(StorageUrl url, CancellationToken cancellationToken);

    /// <summary>
    /// The <see cref="StorageException"/> for the store's own exception <paramref name="exception"/>, or null when it
    /// is not one; its message names <paramref name="path"/> and never credentials.
    /// </summary>
    /// <param name="exception">The exception thrown.</param>
    /// <param name="path">The URL concerned.</param>
    /// <param name="notFound">What a "not found" answer means here: the object (reads) or the bucket or container (writes).</param>
    protected abstract StorageException? TranslateCore(Exception exception, string path, StorageFailure notFound);

    /// <summary>The key under which the files of directory <paramref name="url"/> are: its key with a trailing <c>/</c> (empty for the container).</summary>
    protected static string DirectoryPrefix(StorageUrl url) => url.Key.Length == 0 || url.Key.EndsWith('/') ? url.Key : url.Key + "/";

    private StorageException? Translate(Exception exception, string path, StorageFailure notFound) => exception switch
    {
        StorageException or OperationCanceledException => null,
        _ => TranslateCore(exception, path, notFound),
    };

    private T Ask<T>(string path, Func<StorageUrl, ValueTask<T>> ask)
    {
        var url = StorageUrl.Parse(path);
        try
        {
            return ask(url).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (Translate(ex, path, StorageFailure.ContainerNotFound) is { } translated)
        {
            throw translated;
        }
    }
}
