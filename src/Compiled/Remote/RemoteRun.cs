namespace Compiled;

/// <summary>
/// One run of a remote sweep or batch, as it completed: its run id, what it ran with (<see cref="Item"/>: the
/// parameters record of a sweep, the runtime input of a batch) and either its typed result or its failure.
/// </summary>
/// <typeparam name="TItem">What the run ran with.</typeparam>
/// <typeparam name="TResult">The pipeline's <c>Result</c>.</typeparam>
public sealed class RemoteRun<TItem, TResult>
{
    private readonly TResult _result;

    /// <summary>Creates a run's outcome.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="index">Its position in the sweep or batch.</param>
    /// <param name="item">What it ran with.</param>
    /// <param name="result">Its result, when it succeeded.</param>
    /// <param name="error">Its failure, or null.</param>
    public RemoteRun(string runId, int index, TItem item, TResult result, RemoteRunError? error)
    {
        RunId = runId;
        Index = index;
        Item = item;
        _result = result;
        Error = error;
    }

    /// <summary>The run's id.</summary>
    public string RunId { get; }

    /// <summary>The position of the run in the sweep or batch (the index of <see cref="Item"/> in what was passed).</summary>
    public int Index { get; }

    /// <summary>What the run ran with: its parameters record (a sweep) or its runtime input (a batch).</summary>
    public TItem Item { get; }

    /// <summary>Whether the run succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Why and where the run failed (node, run id, silo); null when it succeeded.</summary>
    public RemoteRunError? Error { get; }

    /// <summary>The run's result.</summary>
    /// <exception cref="RemoteRunException">The run failed; names the node, the run id and the silo.</exception>
    public TResult Result => Error is null ? _result : throw new RemoteRunException(Error);
}
