namespace Compiled.Datasets;

/// <summary>
/// Opening, reading and atomically writing the file of a file-backed dataset, with errors that name
/// the dataset and the file. Format-specific errors are raised by the callbacks as
/// <see cref="DatasetException"/>; anything else they throw is wrapped into one.
/// </summary>
internal static class DatasetFile
{
    /// <summary>The buffer size of dataset file streams.</summary>
    public const int BufferSize = 64 * 1024;

    /// <summary>Validates the constructor arguments of a file-backed dataset and returns the absolute path.</summary>
    public static string FullPath(string name, string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        return Path.GetFullPath(filePath);
    }

    /// <summary>Opens <paramref name="path"/> and reads it with <paramref name="read"/>.</summary>
    public static T Read<T>(string name, string path, Func<Stream, T> read)
    {
        using var stream = Open(name, path, FileOptions.SequentialScan);
        try
        {
            return read(stream);
        }
        catch (Exception ex) when (ex is not DatasetException and not OperationCanceledException)
        {
            throw DatasetErrors.LoadFailed(name, path, ex);
        }
    }

    /// <summary>Opens <paramref name="path"/> for asynchronous I/O and reads it with <paramref name="read"/>.</summary>
    public static async ValueTask<T> ReadAsync<T>(string name, string path, Func<Stream, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stream = Open(name, path, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await read(stream, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not DatasetException and not OperationCanceledException)
            {
                throw DatasetErrors.LoadFailed(name, path, ex);
            }
        }
    }

    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>.</summary>
    public static void Write(string name, string path, Action<Stream> write, bool overwrite = true)
    {
        try
        {
            AtomicFile.Write(path, write, overwrite);
        }
        catch (Exception ex) when (ex is not DatasetException and not OperationCanceledException and not TargetExistsException)
        {
            throw DatasetErrors.SaveFailed(name, path, ex);
        }
    }

    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>, asynchronously.</summary>
    public static async ValueTask WriteAsync(string name, string path, Func<Stream, CancellationToken, ValueTask> write, CancellationToken cancellationToken, bool overwrite = true)
    {
        try
        {
            await AtomicFile.WriteAsync(path, write, cancellationToken, overwrite).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not DatasetException and not OperationCanceledException and not TargetExistsException)
        {
            throw DatasetErrors.SaveFailed(name, path, ex);
        }
    }

    private static FileStream Open(string name, string path, FileOptions options)
    {
        try
        {
            // FileShare.Delete lets a concurrent atomic save replace the file while it is being read (Windows).
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, options);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw DatasetErrors.FileNotFound(name, path, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw DatasetErrors.LoadFailed(name, path, ex);
        }
    }
}
