using Compiled.Datasets;

namespace Compiled.Storage;

/// <summary>
/// The local disk: paths are absolute file paths; writes go to a temporary file beside the target that replaces it
/// with a rename (see the file datasets' documentation), so a failed write leaves the previous file byte for byte.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private const int BufferSize = 64 * 1024;

    private LocalFileStore()
    {
    }

    /// <summary>The one local disk store.</summary>
    public static LocalFileStore Instance { get; } = new();

    /// <inheritdoc />
    public bool IsSeekable => true;

    /// <inheritdoc />
    public string Combine(string directory, string relativePath) =>
        Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <inheritdoc />
    public Stream OpenRead(string path) => Open(path, FileOptions.SequentialScan);

    /// <inheritdoc />
    public ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(Open(path, FileOptions.SequentialScan | FileOptions.Asynchronous));
    }

    /// <inheritdoc />
    public void Write(string path, Action<Stream> write, bool overwrite)
    {
        try
        {
            AtomicFile.Write(path, write, overwrite);
        }
        catch (TargetExistsException ex)
        {
            throw Exists(path, ex);
        }
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(string path, Func<Stream, CancellationToken, ValueTask> write, bool overwrite, CancellationToken cancellationToken)
    {
        try
        {
            await AtomicFile.WriteAsync(path, write, cancellationToken, overwrite).ConfigureAwait(false);
        }
        catch (TargetExistsException ex)
        {
            throw Exists(path, ex);
        }
    }

    /// <inheritdoc />
    public bool Exists(string path) => File.Exists(path);

    /// <inheritdoc />
    public bool DirectoryExists(string directory) => Directory.Exists(directory);

    /// <inheritdoc />
    public IReadOnlyList<string> ListFiles(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var files = new List<string>();
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", options))
            {
                // Temporary files of writes in progress (and of crashed ones) are not files yet.
                if (TempFiles.IsTempFile(Path.GetFileName(file))) continue;
                files.Add(Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Removed while being listed: nothing left.
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static StorageException Exists(string path, Exception inner) =>
        new(StorageFailure.AlreadyExists, path, $"'{path}' already exists.", inner);

    private static FileStream Open(string path, FileOptions options)
    {
        try
        {
            // FileShare.Delete lets a concurrent atomic save replace the file while it is being read (Windows).
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, options);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new StorageException(StorageFailure.NotFound, path, $"'{path}' not found.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StorageException(StorageFailure.AccessDenied, path, $"'{path}': access denied.", ex);
        }
    }
}
