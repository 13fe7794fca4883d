using System.Buffers;
using System.Text.Json;

namespace Compiled.Hosting;

/// <summary>
/// Where a pipeline endpoint writes a result before sending it (so that a failure never leaves half a body, and the
/// response has a Content-Length): a growable buffer and a JSON writer over it, reused by the requests of a thread.
/// </summary>
internal sealed class ResponseBuffer
{
    // One per thread: a request rents it, and returns it when done (possibly on another thread, which then keeps it).
    [ThreadStatic]
    private static ResponseBuffer? t_cached;

    private const int LargestKept = 64 * 1024;

    private ResponseBuffer(JsonSerializerOptions options)
    {
        Options = options;
        Writer = new Utf8JsonWriter(Output, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented });
    }

    public ArrayBufferWriter<byte> Output { get; } = new(256);

    public Utf8JsonWriter Writer { get; }

    private JsonSerializerOptions Options { get; }

    public static ResponseBuffer Rent(JsonSerializerOptions options)
    {
        var buffer = t_cached;
        if (buffer is not null && ReferenceEquals(buffer.Options, options))
        {
            t_cached = null;
            return buffer;
        }

        return new ResponseBuffer(options);
    }

    public static void Return(ResponseBuffer buffer)
    {
        if (buffer.Output.Capacity > LargestKept) return;
        buffer.Output.ResetWrittenCount();
        buffer.Writer.Reset(buffer.Output);
        t_cached = buffer;
    }
}
