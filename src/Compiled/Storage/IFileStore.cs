namespace Compiled.Storage;

/// <summary>
/// Where file datasets keep their files: the local disk (<see cref="LocalFileStore"/>) or an object store
/// (Azure Blob Storage, S3, in their own packages). Paths are the store's own: absolute paths on disk, URLs
/// (<c>s3://bucket/key</c>) in object stores. A store reads and writes whole files: a write is atomic (readers see
/// the previous content or the complete new content, never a partial file) and, when asked, never replaces a file.
/// </summary>
/// <remarks>
/// Errors are <see cref="StorageException"/>s whose <see cref="StorageException.Failure"/> says what failed and whose
/// message names the path; they never contain credentials.
/// </remarks>
public interface IFileStore
{
    /// <summary>
    /// Whether <see cref="OpenRead"/> returns seekable streams and <see cref="Write"/> hands out seekable ones. File
    /// formats that need to seek (Parquet, Excel) go through a temporary file when a store's streams are not.
    /// </summary>
    bool IsSeekable { get; }

    /// <summary>The path of <paramref name="relativePath"/> (segments separated by <c>/</c>) under <paramref name="directory"/>.</summary>
    string Combine(string directory, string relativePath);

    /// <summary>Opens the file <paramref name="path"/> for reading.</summary>
    /// <exception cref="StorageException">It does not exist (<see cref="StorageFailure.NotFound"/>) or cannot be read.</exception>
    Stream OpenRead(string path);

    /// <summary>Opens the file <paramref name="path"/> for reading, asynchronously.</summary>
    /// <exception cref="StorageException">It does not exist (<see cref="StorageFailure.NotFound"/>) or cannot be read.</exception>
    ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the file <paramref name="path"/> atomically with <paramref name="write"/>; when it throws, the previous
    /// file (if any) is left unchanged.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="write">Writes the content to the stream it is given; it may leave the stream open or dispose it.</param>
    /// <param name="overwrite">Whether an existing file is replaced.</param>
    /// <exception cref="StorageException">The file exists and <paramref name="overwrite"/> is false (<see cref="StorageFailure.AlreadyExists"/>), or it cannot be written.</exception>
    void Write(string path, Action<Stream> write, bool overwrite);

    /// <summary>Writes the file <paramref name="path"/> atomically and asynchronously: see <see cref="Write"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="write">Writes the content to the stream it is given; it may leave the stream open or dispose it.</param>
    /// <param name="overwrite">Whether an existing file is replaced.</param>
    /// <param name="cancellationToken">Cancels the write; the previous file is then left unchanged.</param>
    /// <exception cref="StorageException">The file exists and <paramref name="overwrite"/> is false (<see cref="StorageFailure.AlreadyExists"/>), or it cannot be written.</exception>
    ValueTask WriteAsync(string path, Func<Stream, CancellationToken, ValueTask> write, bool overwrite, CancellationToken cancellationToken);

    /// <summary>Whether the file <paramref name="path"/> exists.</summary>
    /// <exception cref="StorageException">The store cannot be asked (access denied, container missing, …).</exception>
    bool Exists(string path);

    /// <summary>Whether anything is stored under <paramref name="directory"/> (for object stores: any key under the prefix).</summary>
    /// <exception cref="StorageException">The store cannot be asked.</exception>
    bool DirectoryExists(string directory);

    /// <summary>
    /// The files under <paramref name="directory"/>, at any depth, as paths relative to it with <c>/</c> between
    /// segments, in ordinal order; empty when there is none. Files being written are not listed.
    /// </summary>
    /// <exception cref="StorageException">The store cannot be asked.</exception>
    IReadOnlyList<string> ListFiles(string directory);
}
