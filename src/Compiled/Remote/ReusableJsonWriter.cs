using System.Buffers;
using System.Text.Json;

namespace Compiled;

/// <summary>
/// A JSON writer and its buffer, kept per thread and reused from one remote run to the next: writing a run's body or result
/// then allocates only the bytes it hands on. <see cref="Rent"/> takes the thread's (a new one when it is out, as when a write
/// is nested in another or failed before it was returned); <see cref="ToArrayAndReturn"/> copies what was written and gives
/// it back, reset.
/// </summary>
internal sealed class ReusableJsonWriter
{
    // Larger buffers (a big body or result) are not kept: one outsized run must not pin its memory on the thread for good.
    private const int MaxKeptBytes = 64 * 1024;

    [ThreadStatic] private static ReusableJsonWriter? t_free;

    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    private ReusableJsonWriter() => Writer = new Utf8JsonWriter(_buffer);

    /// <summary>The writer; what it writes goes to this instance's buffer.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Takes the calling thread's writer, empty, or a new one when the thread's is in use.</summary>
    public static ReusableJsonWriter Rent()
    {
        var json = t_free;
        if (json is null) return new ReusableJsonWriter();
        t_free = null;
        return json;
    }

    /// <summary>Copies what was written into a new array, then resets the writer and gives it back to the calling thread.</summary>
    /// <returns>The JSON written.</returns>
    public byte[] ToArrayAndReturn()
    {
        Writer.Flush();
        var bytes = _buffer.WrittenSpan.ToArray();
        Return();
        return bytes;
    }

    /// <summary>Resets the writer, dropping what was written, and gives it back to the calling thread.</summary>
    public void Return()
    {
        if (_buffer.Capacity > MaxKeptBytes) return;
        _buffer.ResetWrittenCount();
        Writer.Reset(_buffer);
        t_free = this;
    }
}
