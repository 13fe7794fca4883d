using Orleans.Serialization;

namespace Compiled.Orleans.Wire;

/// <summary>
/// The reply of a single run, one byte array as a bare grain call's: on success the result JSON itself (the object the
/// serving contract wrote, so its first byte is <c>{</c>); on failure <see cref="FailureTag"/> followed by the
/// <see cref="RunFailure"/> in Orleans' generated serializer, which names the node, the run id and the silo.
/// </summary>
internal sealed class RunReply(Serializer<RunFailure> serializer)
{
    /// <summary>The first byte of a failure's reply; a result's JSON object never starts with it.</summary>
    public const byte FailureTag = 0;

    /// <summary>The bytes that travel for <paramref name="result"/>: its JSON as it is, or its failure tagged.</summary>
    public byte[] Write(RunResult result)
    {
        if (result.Failure is null) return result.Result;
        var failure = serializer.SerializeToArray(result.Failure);
        var reply = new byte[failure.Length + 1];
        reply[0] = FailureTag;
        failure.CopyTo(reply, 1);
        return reply;
    }

    /// <summary>Reads what <see cref="Write"/> wrote: the result JSON, or the failure.</summary>
    public RunResult Read(byte[] reply) =>
        reply.Length > 0 && reply[0] == FailureTag
            ? new RunResult([], serializer.Deserialize(new ReadOnlyMemory<byte>(reply, 1, reply.Length - 1)))
            : new RunResult(reply, null);
}
