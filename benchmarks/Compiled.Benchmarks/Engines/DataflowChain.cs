using System.Reflection;
using System.Threading.Tasks.Dataflow;

namespace Compiled.Benchmarks.Engines;

/// <summary>
/// A chain of nodes as TPL Dataflow blocks (System.Threading.Tasks.Dataflow, part of the .NET 10
/// shared framework): one <see cref="TransformBlock{TInput,TOutput}"/> per node, linked in order with
/// completion propagated. One request is: post the input to the first block, await the last block's
/// output. The blocks are built once and reused by every request.
/// </summary>
public sealed class DataflowChain : IDisposable
{
    private readonly TransformBlock<long, long> _head;
    private readonly TransformBlock<long, long> _tail;

    /// <summary>Builds one block per <c>[Node]</c> method of <paramref name="nodeClass"/>, in declaration order.</summary>
    public DataflowChain(Type nodeClass)
    {
        var nodes = nodeClass.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<NodeAttribute>() is not null)
            .OrderBy(m => m.MetadataToken)
            .Select(m => m.CreateDelegate<Func<long, long>>())
            .ToArray();
        var link = new DataflowLinkOptions { PropagateCompletion = true };
        _head = new TransformBlock<long, long>(nodes[0]);
        _tail = _head;
        foreach (var node in nodes.Skip(1))
        {
            var block = new TransformBlock<long, long>(node);
            _tail.LinkTo(block, link);
            _tail = block;
        }
    }

    /// <summary>Runs one request through the chain.</summary>
    public async Task<long> RunAsync(long input)
    {
        _head.Post(input);
        return await _tail.ReceiveAsync().ConfigureAwait(false);
    }

    /// <summary>Completes the chain.</summary>
    public void Dispose()
    {
        _head.Complete();
        _tail.Completion.Wait(TimeSpan.FromSeconds(5));
    }
}
