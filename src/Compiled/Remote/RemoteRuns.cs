using System.Runtime.CompilerServices;

namespace Compiled;

/// <summary>Turns the replies of a remote sweep or batch into typed <see cref="RemoteRun{TItem, TResult}"/>s; generated code calls it.</summary>
public static class RemoteRuns
{
    /// <summary>Yields one typed run per reply, as the replies arrive; a failed run is yielded with its error and does not stop the others.</summary>
    /// <typeparam name="TItem">What each run ran with.</typeparam>
    /// <typeparam name="TResult">The pipeline's <c>Result</c>.</typeparam>
    /// <param name="replies">The replies, from <see cref="RemotePipeline{TPipeline}.RunManyAsync"/>.</param>
    /// <param name="items">What each run ran with, by index.</param>
    /// <param name="readResult">Reads a successful reply's result.</param>
    /// <param name="cancellationToken">Stops the enumeration (and, through the replies, the runs).</param>
    public static async IAsyncEnumerable<RemoteRun<TItem, TResult>> Read<TItem, TResult>(
        IAsyncEnumerable<RemoteReply> replies,
        IReadOnlyList<TItem> items,
        Func<RemoteReply, TResult> readResult,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(readResult);
        await foreach (var reply in replies.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var item = items[reply.Index];
            yield return reply.Error is null
                ? new RemoteRun<TItem, TResult>(reply.RunId!, reply.Index, item, readResult(reply), null)
                : new RemoteRun<TItem, TResult>(reply.RunId!, reply.Index, item, default!, reply.Error);
        }
    }

    /// <summary>The run id of the run at <paramref name="index"/> of a sweep or batch: <c>{prefix}-{index}</c>.</summary>
    /// <param name="prefix">The sweep's or batch's prefix.</param>
    /// <param name="index">The run's position.</param>
    public static string RunId(string prefix, int index) => $"{prefix}-{index}";
}
