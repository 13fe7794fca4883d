using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Compiled.Storage;

/// <summary>
/// The stream an object store hands to a dataset's reader: a background task reads the download into blocks of
/// <see cref="BlockSize"/> bytes, up to <see cref="BlocksAhead"/> blocks ahead of the reader, so the network transfer
/// overlaps the parsing instead of alternating with it, and the reader's own reads are copies from memory that complete
/// synchronously (no <see cref="Task"/> per read, whatever overloads the SDK's response stream lacks). Memory stays at
/// <c>(BlocksAhead + 2) × BlockSize</c> whatever the size of the object.
/// </summary>
/// <remarks>
/// An error of the download surfaces at the reader's next read past the data received before it. Disposing the
/// stream cancels the download and disposes the response stream.
/// </remarks>
internal sealed class ReadAheadStream : Stream
{
    /// <summary>The size of a block, in bytes.</summary>
    public const int BlockSize = 256 * 1024;

    /// <summary>How many full blocks may wait for the reader.</summary>
    public const int BlocksAhead = 4;

    private readonly Stream _source;
    private readonly Channel<Block> _blocks = Channel.CreateBounded<Block>(new BoundedChannelOptions(BlocksAhead)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _download;
    private ExceptionDispatchInfo? _fault;
    private Block _current;
    private int _offset;
    private long _position;
    private bool _disposed;

    /// <summary>Starts reading <paramref name="source"/> ahead; the stream owns it from now on.</summary>
    public ReadAheadStream(Stream source)
    {
        _source = source;
        _download = Task.Run(DownloadAsync);
    }

    /// <inheritdoc />
    public override bool CanRead => !_disposed;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException("An object store's download is read front to back.");

    /// <summary>How many bytes were read so far; cannot be set.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("An object store's download is read front to back.");
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        if (_offset == _current.Length)
        {
            var next = NextBlockAsync(CancellationToken.None);
            if (!(next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult())) return 0;
        }
        return Take(buffer);
    }

    /// <inheritdoc />
    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return new(0);
        if (_offset < _current.Length) return new(Take(buffer.Span));
        return ReadNextAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        do
        {
            var rest = _current.Length - _offset;
            if (rest > 0)
            {
                await destination.WriteAsync(_current.Buffer.AsMemory(_offset, rest), cancellationToken).ConfigureAwait(false);
                _offset += rest;
                _position += rest;
            }
        }
        while (await NextBlockAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public override void CopyTo(Stream destination, int bufferSize)
    {
        ArgumentNullException.ThrowIfNull(destination);
        CopyToAsync(destination, bufferSize, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("An object store's download is read front to back.");

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException("An object store's download is read-only.");

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("An object store's download is read-only.");

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _download.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _source.DisposeAsync().ConfigureAwait(false);
        ReleaseBlocks();
        base.Dispose(true);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _stop.Cancel();
            _download.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            _source.Dispose();
            ReleaseBlocks();
        }
        base.Dispose(disposing);
    }

    private async ValueTask<int> ReadNextAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        await NextBlockAsync(cancellationToken).ConfigureAwait(false) ? Take(buffer.Span) : 0;

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _current.Length - _offset);
        _current.Buffer.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        _position += count;
        return count;
    }

    // Moves to the next block (false at the end of the object); the block read up is returned to the pool.
    private async ValueTask<bool> NextBlockAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Return(ref _current);
        _offset = 0;
        while (true)
        {
            if (_blocks.Reader.TryRead(out var block))
            {
                _current = block;
                return true;
            }
            if (!await _blocks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _fault?.Throw();
                return false;
            }
        }
    }

    private async Task DownloadAsync()
    {
        var cancellationToken = _stop.Token;
        byte[]? buffer = null;
        try
        {
            while (true)
            {
                buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
                var filled = 0;
                var read = 1;
                while (filled < BlockSize && (read = await _source.ReadAsync(buffer.AsMemory(filled, BlockSize - filled), cancellationToken).ConfigureAwait(false)) > 0)
                    filled += read;
                if (filled > 0)
                {
                    await _blocks.Writer.WriteAsync(new Block(buffer, filled), cancellationToken).ConfigureAwait(false);
                    buffer = null;
                }
                if (read == 0) break;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _fault = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
            _blocks.Writer.TryComplete();
        }
    }

    private void ReleaseBlocks()
    {
        Return(ref _current);
        while (_blocks.Reader.TryRead(out var block)) Return(ref block);
        _stop.Dispose();
    }

    private static void Return(ref Block block)
    {
        if (block.Buffer is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
        block = default;
    }

    private readonly record struct Block(byte[] Buffer, int Length);
}
