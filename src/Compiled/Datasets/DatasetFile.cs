using Compiled.Storage;

namespace Compiled.Datasets;

/// <summary>
/// Opening, reading and atomically writing the file of a file-backed dataset in its store, with errors that name
/// the dataset and the file. Format-specific errors are raised by the callbacks as <see cref="DatasetException"/>;
/// anything else they throw is wrapped into one. A format that needs seekable streams reads and writes a temporary
/// local file when the store's streams are not seekable (object stores).
/// </summary>
internal static class DatasetFile
{
    /// <summary>The buffer size of dataset file streams.</summary>
    public const int BufferSize = 64 * 1024;

    /// <summary>Opens <paramref name="path"/> and reads it with <paramref name="read"/>.</summary>
    public static T Read<T>(string name, IFileStore store, string path, bool seekable, Func<Stream, T> read)
    {
        try
        {
            using var stream = Seekable(store.OpenRead(path), seekable);
            return read(stream);
        }
        catch (Exception ex) when (ex is not DatasetException and not OperationCanceledException)
        {
            throw LoadError(name, path, ex);
        }
    }

    /// <summary>Opens <paramref name="path"/> for asynchronous I/O and reads it with <paramref name="read"/>.</summary>
    public static async ValueTask<T> ReadAsync<T>(string name, IFileStore store, string path, bool seekable,
        Func<Stream, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
            if (seekable && !stream.CanSeek) stream = await CopyToTempAsync(stream, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await read(stream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not DatasetException and not OperationCanceledException)
        {
            throw LoadError(name, path, ex);
        }
    }

    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>.</summary>
    /// <exception cref="StorageException">The file exists and <paramref name="overwrite"/> is false (<see cref="StorageFailure.AlreadyExists"/>).</exception>
    public static void Write(string name, IFileStore store, string path, bool seekable, Action<Stream> write, bool overwrite = true)
    {
        try
        {
            if (!seekable || store.IsSeekable)
            {
                store.Write(path, write, overwrite);
                return;
            }
            var temp = NewTempPath();
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize)) write(stream);
                store.Write(path, stream =>
                {
                    using var content = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
                    content.CopyTo(stream, BufferSize);
                }, overwrite);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        catch (Exception ex) when (ex is not DatasetException and not OperationCanceledException and not StorageException { Failure: StorageFailure.AlreadyExists })
        {
            throw SaveError(name, path, ex);
        }
    }

    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>, asynchronously.</summary>
    /// <exception cref="StorageException">The file exists and <paramref name="overwrite"/> is false (<see cref="StorageFailure.AlreadyExists"/>).</exception>
    public static async ValueTask WriteAsync(string name, IFileStore store, string path, bool seekable,
        Func<Stream, CancellationToken, ValueTask> write, CancellationToken cancellationToken, bool overwrite = true)
    {
        try
        {
            if (!seekable || store.IsSeekable)
            {
                await store.WriteAsync(path, write, overwrite, cancellationToken).ConfigureAwait(false);
                return;
            }
            var temp = NewTempPath();
            try
            {
                var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous);
                await using (stream.ConfigureAwait(false)) await write(stream, cancellationToken).ConfigureAwait(false);
                await store.WriteAsync(path, async (target, ct) =>
                {
                    var content = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan | FileOptions.Asynchronous);
                    await using (content.ConfigureAwait(false)) await content.CopyToAsync(target, BufferSize, ct).ConfigureAwait(false);
                }, overwrite, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        catch (Exception ex) when (ex is not DatasetException and not OperationCanceledException and not StorageException { Failure: StorageFailure.AlreadyExists })
        {
            throw SaveError(name, path, ex);
        }
    }

    private static DatasetException LoadError(string name, string path, Exception ex) => ex switch
    {
        StorageException { Failure: StorageFailure.NotFound } => DatasetErrors.FileNotFound(name, path, ex),
        StorageException storage => new DatasetException(name, $"Dataset '{name}' ({path}): could not load: {DatasetErrors.Sentence(storage.Message)}", ex),
        _ => DatasetErrors.LoadFailed(name, path, ex),
    };

    private static DatasetException SaveError(string name, string path, Exception ex) => ex switch
    {
        StorageException storage => new DatasetException(name,
            $"Dataset '{name}' ({path}): could not save: {DatasetErrors.Sentence(storage.Message)} The previous file, if any, was left unchanged.", ex),
        _ => DatasetErrors.SaveFailed(name, path, ex),
    };

    // A format that seeks gets a local copy of a store's sequential stream.
    private static Stream Seekable(Stream stream, bool seekable)
    {
        if (!seekable || stream.CanSeek) return stream;
        using (stream)
        {
            var temp = NewTempFile();
            stream.CopyTo(temp, BufferSize);
            temp.Position = 0;
            return temp;
        }
    }

    private static async ValueTask<Stream> CopyToTempAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using (stream.ConfigureAwait(false))
        {
            var temp = NewTempFile();
            await stream.CopyToAsync(temp, BufferSize, cancellationToken).ConfigureAwait(false);
            temp.Position = 0;
            return temp;
        }
    }

    // A copy of a store's file, in the system's temporary directory, deleted when closed.
    private static FileStream NewTempFile() => new(NewTempPath(),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static string NewTempPath() => Path.Combine(Path.GetTempPath(), "compiled-" + Guid.NewGuid().ToString("N") + ".tmp");
}
