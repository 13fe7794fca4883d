using System.Buffers;

namespace Compiled.Storage;

/// <summary>
/// The stream an object store hands to a dataset's writer: it cuts what is written into parts of a fixed size and
/// uploads up to a bounded number of them at a time, so memory stays at (concurrency + 1) parts whatever the size of
/// the object. Nothing becomes visible until the store calls <see cref="CompleteAsync"/> after the writer returned
/// (S3's multipart completion, Azure's block list commit); when the writer fails the store calls
/// <see cref="AbortAsync"/> and the previous object stays as it was. An object that fits in one part is uploaded
/// whole by <see cref="UploadWholeAsync"/> (one request).
/// </summary>
/// <remarks>
/// Disposing the stream (writers may) only refuses further writes: it neither completes nor aborts the upload.
/// Not seekable; <see cref="Position"/> is the number of bytes written.
/// </remarks>
public abstract class PartUploadStream : Stream
{
    private readonly int _partSize;
    private readonly int _maxConcurrency;
    private readonly List<Task> _inFlight = [];
    private byte[]? _buffer;
    private int _filled;
    private int _parts;
    private long _written;
    private bool _closed;
    private bool _finished;

    /// <summary>Creates the stream.</summary>
    /// <param name="partSize">The size of each part but the last, in bytes (S3 requires at least 5 MiB).</param>
    /// <param name="maxConcurrency">How many parts upload at the same time, at least 1.</param>
    protected PartUploadStream(int partSize, int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        _partSize = partSize;
        _maxConcurrency = maxConcurrency;
    }

    /// <summary>Uploads part <paramref name="partNumber"/> (1, 2, …); parts may upload concurrently and finish in any order.</summary>
    /// <param name="partNumber">The part's number, from 1.</param>
    /// <param name="data">The part's bytes, valid until the returned task completes.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    protected abstract Task UploadPartAsync(int partNumber, ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Makes the object visible from its <paramref name="partCount"/> uploaded parts, atomically.</summary>
    /// <param name="partCount">How many parts were uploaded (at least 1).</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    protected abstract Task CommitPartsAsync(int partCount, CancellationToken cancellationToken);

    /// <summary>Uploads and makes visible, atomically, an object that fitted in one part (possibly empty).</summary>
    /// <param name="data">The whole object.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    protected abstract Task UploadWholeAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Discards the <paramref name="partCount"/> parts uploaded so far (none when 0); must not throw.</summary>
    /// <param name="partCount">How many parts were started.</param>
    protected abstract Task DiscardPartsAsync(int partCount);

    /// <summary>Uploads what is left and makes the object visible.</summary>
    /// <param name="cancellationToken">Cancels the upload; the object is then not written.</param>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_finished) throw new InvalidOperationException("The upload is already complete or aborted.");
        _closed = true;
        try
        {
            if (_parts == 0)
            {
                await UploadWholeAsync(_buffer.AsMemory(0, _filled), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (_filled > 0) StartPart(cancellationToken);
                await Task.WhenAll(_inFlight).ConfigureAwait(false);
                await CommitPartsAsync(_parts, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _finished = true;
            Release();
        }
    }

    /// <summary>Abandons the upload: waits for the parts in flight and discards them. Never throws.</summary>
    public async Task AbortAsync()
    {
        if (_finished) return;
        _closed = true;
        _finished = true;
        try
        {
            await Task.WhenAll(_inFlight).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The part's failure is what the caller reports already.
        }
        await DiscardPartsAsync(_parts).ConfigureAwait(false);
        Release();
    }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => !_closed;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException("An upload's length is known once it is complete.");

    /// <summary>The number of bytes written; setting it is not supported.</summary>
    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException("An upload is written front to back.");
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var take = Take(buffer.Length);
            buffer[..take].CopyTo(_buffer.AsSpan(_filled));
            Advance(take);
            buffer = buffer[take..];
            if (_filled == _partSize)
            {
                WaitForSlot().GetAwaiter().GetResult();
                StartPart(CancellationToken.None);
            }
        }
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var take = Take(buffer.Length);
            buffer[..take].CopyTo(_buffer.AsMemory(_filled));
            Advance(take);
            buffer = buffer[take..];
            if (_filled == _partSize)
            {
                await WaitForSlot().ConfigureAwait(false);
                StartPart(cancellationToken);
            }
        }
    }

    /// <summary>Does nothing: parts upload when full, the rest on <see cref="CompleteAsync"/>.</summary>
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("An upload cannot be read.");

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("An upload is written front to back.");

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException("An upload is written front to back.");

    /// <summary>Refuses further writes; the upload is neither completed nor aborted (the store does that).</summary>
    protected override void Dispose(bool disposing)
    {
        _closed = true;
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        _closed = true;
        return base.DisposeAsync();
    }

    private int Take(int available)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        _buffer ??= ArrayPool<byte>.Shared.Rent(_partSize);
        return Math.Min(available, _partSize - _filled);
    }

    private void Advance(int count)
    {
        _filled += count;
        _written += count;
    }

    // Waits until fewer than the bound of parts are in flight; a failed part fails the write.
    private async Task WaitForSlot()
    {
        while (_inFlight.Count >= _maxConcurrency)
        {
            var done = await Task.WhenAny(_inFlight).ConfigureAwait(false);
            _inFlight.Remove(done);
            await done.ConfigureAwait(false);
        }
        foreach (var task in _inFlight.Where(t => t.IsCompleted).ToArray())
        {
            _inFlight.Remove(task);
            await task.ConfigureAwait(false);
        }
    }

    private void StartPart(CancellationToken cancellationToken)
    {
        var part = ++_parts;
        var buffer = _buffer!;
        var length = _filled;
        _buffer = null;
        _filled = 0;
        _inFlight.Add(Upload(part, buffer, length, cancellationToken));
    }

    private async Task Upload(int part, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        try
        {
            await UploadPartAsync(part, buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Release()
    {
        if (_buffer is null) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }
}
