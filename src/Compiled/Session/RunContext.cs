using System.Diagnostics;

namespace Compiled;

/// <summary>
/// One run of a pipeline: its id, its pipeline and the session's hooks. Generated <c>Run</c> methods
/// create one per run with <see cref="Session.StartRun"/> and route every node call and dataset
/// access through it. A value type: starting a run allocates nothing.
/// </summary>
public readonly struct RunContext
{
    private readonly Session _session;
    private readonly HookSet? _hooks;
    private readonly string? _runId;
    private readonly Guid _generatedId;
    private readonly long _startTimestamp;

    internal RunContext(Session session, HookSet? hooks, string pipelineName, string? runId)
    {
        _session = session;
        _hooks = hooks;
        PipelineName = pipelineName;
        _runId = runId;
        _generatedId = runId is null ? Guid.CreateVersion7() : default;
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>The name of the pipeline being run.</summary>
    public string PipelineName { get; }

    /// <summary>The run's id: the caller's, or a new time-ordered unique id.</summary>
    public string RunId => _runId ?? _generatedId.ToString("N");

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startTimestamp);

    /// <summary>Called by generated code before the first node.</summary>
    public void PipelineStarting() => _hooks?.BeforePipelineRun(this);

    /// <summary>Called by generated code after the last node.</summary>
    public void PipelineCompleted() => _hooks?.AfterPipelineRun(this);

    /// <summary>Called by generated code before calling node <paramref name="node"/>.</summary>
    public void NodeStarting(string node) => _hooks?.BeforeNodeRun(this, node);

    /// <summary>Called by generated code after node <paramref name="node"/> returned.</summary>
    public void NodeCompleted(string node) => _hooks?.AfterNodeRun(this, node);

    /// <summary>Loads a catalog dataset for this run.</summary>
    public T Load<T>(IDataset<T> dataset)
    {
        if (_hooks is null) return dataset.Load();
        _hooks.BeforeDatasetLoaded(this, dataset.Name);
        var data = dataset.Load();
        _hooks.AfterDatasetLoaded(this, dataset.Name);
        return data;
    }

    /// <summary>Loads a catalog dataset for this run, asynchronously.</summary>
    public ValueTask<T> LoadAsync<T>(IDataset<T> dataset, CancellationToken cancellationToken) =>
        _hooks is null ? dataset.LoadAsync(cancellationToken) : LoadWithHooksAsync(dataset, cancellationToken);

    /// <summary>The session's shared copy of an artifact, loaded on first use (see <see cref="Session.Preload{T}"/>).</summary>
    public T LoadArtifact<T>(IDataset<T> dataset) => _session.GetArtifact(dataset, this);

    internal bool HasHooks => _hooks is not null;

    /// <summary>Saves a node output to its catalog dataset.</summary>
    public void Save<T>(IDataset<T> dataset, T data)
    {
        if (_hooks is null)
        {
            dataset.Save(data);
            return;
        }

        _hooks.BeforeDatasetSaved(this, dataset.Name);
        dataset.Save(data);
        _hooks.AfterDatasetSaved(this, dataset.Name);
    }

    /// <summary>Saves a node output to its catalog dataset, asynchronously.</summary>
    public ValueTask SaveAsync<T>(IDataset<T> dataset, T data, CancellationToken cancellationToken) =>
        _hooks is null ? dataset.SaveAsync(data, cancellationToken) : SaveWithHooksAsync(dataset, data, cancellationToken);

    /// <summary>Whether <paramref name="exception"/> is a failure to report as a <see cref="PipelineRunException"/> (cancellation is not).</summary>
    public bool IsNodeFailure(Exception exception) =>
        exception is not OperationCanceledException and not PipelineRunException;

    /// <summary>
    /// Builds the exception for a failure at <paramref name="nodes"/>[<paramref name="step"/>] and calls
    /// the error hooks. Generated code throws what it returns.
    /// </summary>
    public PipelineRunException Fail(string[] nodes, int step, Exception exception)
    {
        var node = nodes[step];
        var error = new PipelineRunException(PipelineName, node, RunId, nodes[step..], exception);
        _hooks?.OnNodeError(this, node, exception);
        _hooks?.OnPipelineError(this, error);
        return error;
    }

    private async ValueTask<T> LoadWithHooksAsync<T>(IDataset<T> dataset, CancellationToken cancellationToken)
    {
        _hooks!.BeforeDatasetLoaded(this, dataset.Name);
        var data = await dataset.LoadAsync(cancellationToken).ConfigureAwait(false);
        _hooks.AfterDatasetLoaded(this, dataset.Name);
        return data;
    }

    private async ValueTask SaveWithHooksAsync<T>(IDataset<T> dataset, T data, CancellationToken cancellationToken)
    {
        _hooks!.BeforeDatasetSaved(this, dataset.Name);
        await dataset.SaveAsync(data, cancellationToken).ConfigureAwait(false);
        _hooks.AfterDatasetSaved(this, dataset.Name);
    }
}
