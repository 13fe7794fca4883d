using Compiled.Config;
using Compiled.Storage;

namespace Compiled.Tests.Partitions;

/// <summary>
/// A store for URLs <c>counting://files/&lt;path&gt;</c> kept in a local directory, registered as a provider like the
/// cloud stores: it counts the files opened for reading and the most reads open at the same time.
/// </summary>
public sealed class CountingStore(string root) : IFileStore, IFileStoreProvider
{
    private const string Prefix = "counting://files";
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _reads = new(StringComparer.Ordinal);
    private int _open;
    private int _maxOpen;

    /// <summary>The URL of <paramref name="relative"/>.</summary>
    public static string Url(string relative) => Prefix + "/" + relative;

    /// <summary>How many times each file (relative path) was opened for reading.</summary>
    public IReadOnlyDictionary<string, int> Reads => _reads;

    /// <summary>The most reads that were open at the same time.</summary>
    public int MaxConcurrentReads => Volatile.Read(ref _maxOpen);

    public IReadOnlyList<string> Schemes => ["counting"];

    public IFileStore Create(string url, ConfigMapping? credentials) => this;

    public bool IsSeekable => true;

    public string Combine(string directory, string relativePath) => directory.TrimEnd('/') + "/" + relativePath;

    public Stream OpenRead(string path) => Track(path, LocalFileStore.Instance.OpenRead(Local(path)));

    public async ValueTask<Stream> OpenReadAsync(string path, CancellationToken cancellationToken) =>
        Track(path, await LocalFileStore.Instance.OpenReadAsync(Local(path), cancellationToken));

    public void Write(string path, Action<Stream> write, bool overwrite) => LocalFileStore.Instance.Write(Local(path), write, overwrite);

    public ValueTask WriteAsync(string path, Func<Stream, CancellationToken, ValueTask> write, bool overwrite, CancellationToken cancellationToken) =>
        LocalFileStore.Instance.WriteAsync(Local(path), write, overwrite, cancellationToken);

    public bool Exists(string path) => File.Exists(Local(path));

    public bool DirectoryExists(string directory) => Directory.Exists(Local(directory));

    public IReadOnlyList<string> ListFiles(string directory) => LocalFileStore.Instance.ListFiles(Local(directory));

    private string Local(string path) => Path.Combine(root, path[Prefix.Length..].TrimStart('/'));

    private Stream Track(string path, Stream stream)
    {
        _reads.AddOrUpdate(path[(Prefix.Length + 1)..], 1, (_, n) => n + 1);
        var open = Interlocked.Increment(ref _open);
        for (var max = Volatile.Read(ref _maxOpen); open > max; max = Volatile.Read(ref _maxOpen))
        {
            if (Interlocked.CompareExchange(ref _maxOpen, open, max) == max) break;
        }
        return new ClosingStream(stream, () => Interlocked.Decrement(ref _open));
    }

    // Counts a read as open until its stream is disposed.
    private sealed class ClosingStream(Stream inner, Action closed) : Stream
    {
        private int _closed;

        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _closed, 1) == 0)
            {
                inner.Dispose();
                closed();
            }
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                await inner.DisposeAsync();
                closed();
            }
            await base.DisposeAsync();
        }
    }
}
