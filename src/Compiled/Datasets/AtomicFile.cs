namespace Compiled.Datasets;

/// <summary>
/// Writes a file so that readers see either the previous content or the complete new content,
/// never a partial file: the data goes to a temporary file in the same directory, is flushed to
/// disk, and then replaces the target with a rename. When writing fails the temporary file is
/// deleted and the previous file is left exactly as it was. With <c>overwrite: false</c> (versioned
/// saves) the rename fails with <see cref="TargetExistsException"/> rather than replace a file that
/// appeared meanwhile. Each write first deletes the temporary files of the same target that crashed
/// writers left behind (see <see cref="TempFiles"/>).
/// </summary>
internal static class AtomicFile
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the content to the stream it is given; it may leave the stream open or dispose it.</param>
    /// <param name="overwrite">Whether an existing file is replaced; when false and the file exists, throws <see cref="TargetExistsException"/>.</param>
    public static void Write(string path, Action<Stream> write, bool overwrite = true)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (target, temp) = Prepare(path);
        var closedEarly = false;
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.None))
            {
                write(stream);
                closedEarly = !stream.CanWrite;
                if (!closedEarly) stream.Flush(flushToDisk: true);
            }
            if (closedEarly) FlushToDisk(temp);
            Commit(temp, target, overwrite);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="path"/> atomically with <paramref name="write"/>, asynchronously.</summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="write">Writes the content to the stream it is given; it may leave the stream open or dispose it.</param>
    /// <param name="cancellationToken">Cancels the write; the previous file is then left unchanged.</param>
    /// <param name="overwrite">Whether an existing file is replaced; when false and the file exists, throws <see cref="TargetExistsException"/>.</param>
    public static async ValueTask WriteAsync(string path, Func<Stream, CancellationToken, ValueTask> write, CancellationToken cancellationToken, bool overwrite = true)
    {
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var (target, temp) = Prepare(path);
        var closedEarly = false;
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                closedEarly = !stream.CanWrite;
                if (!closedEarly)
                {
                    await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                    stream.Flush(flushToDisk: true);
                }
            }
            if (closedEarly) FlushToDisk(temp);
            cancellationToken.ThrowIfCancellationRequested();
            Commit(temp, target, overwrite);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static (string Target, string Temp) Prepare(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)
            ?? throw new ArgumentException($"'{path}' is not a file path.", nameof(path));
        var fileName = Path.GetFileName(target);
        if (fileName.Length == 0) throw new ArgumentException($"'{path}' is a directory, not a file path.", nameof(path));
        Directory.CreateDirectory(directory);
        TempFiles.SweepStale(directory, fileName);
        return (target, TempFiles.NewPath(directory, fileName));
    }

    private static void Commit(string temp, string target, bool overwrite)
    {
        if (overwrite)
        {
            File.Move(temp, target, overwrite: true);
            return;
        }
        NoReplaceMove.Move(temp, target);
    }

    // A writer that disposed the stream itself has flushed it to the OS but not to disk.
    private static void FlushToDisk(string temp)
    {
        using var reopened = new FileStream(temp, FileMode.Open, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        reopened.Flush(flushToDisk: true);
    }

    internal static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The original exception matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A write that must not replace a file found the file already there.</summary>
internal sealed class TargetExistsException(string path, Exception? inner = null)
    : IOException($"'{path}' already exists.", inner)
{
    /// <summary>The file that exists.</summary>
    public string TargetPath { get; } = path;
}
