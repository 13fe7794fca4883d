using System.ComponentModel;
using System.Diagnostics;

namespace Compiled;

/// <summary>
/// For generated code: one run of a pipeline, its id, its pipeline and the session's hooks. Generated <c>Run</c> methods
/// create one per run with <see cref="Session.StartRun"/> and route every node call and dataset access through it.
/// A value type: starting a run allocates nothing. Hooks see a read-only view of it, <see cref="RunParams"/>;
/// application code has no use for it, so it is hidden from IntelliSense (it stays public: generated code uses only public API).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct RunContext
{
    private readonly Session _session;
    private readonly HookSet? _hooks;
    private readonly string? _runId;
    private readonly long _sequence;
    private readonly long _startTimestamp;

    internal RunContext(Session session, HookSet? hooks, string pipelineName, string? runId, long sequence)
    {
        _session = session;
        _hooks = hooks;
        PipelineName = pipelineName;
        _runId = runId;
        _sequence = sequence;
        _startTimestamp = hooks is null ? 0 : Stopwatch.GetTimestamp(); // only hooks read the clock
    }

    /// <summary>The name of the pipeline being run.</summary>
    public string PipelineName { get; }

    /// <summary>The run's id: the caller's, or <c>&lt;session id&gt;-&lt;run number&gt;</c>, unique across sessions and runs.</summary>
    public string RunId => _runId ?? _session.GeneratedRunId(_sequence != 0 ? _sequence : _session.NextRunNumber());

    /// <summary>
    /// The version every versioned dataset this run saves is written as (Kedro's save version,
    /// <c>YYYY-MM-DDThh.mm.ss.sssZ</c>): the time of the run's first versioned save, unique among the session's runs.
    /// When a save finds the version taken by another process it writes the next free millisecond instead, and the
    /// run's later saves use that version.
    /// </summary>
    public string SaveVersion => _session.SaveVersion(_sequence);

    /// <summary>Time since the run started (measured only when the session has hooks; zero otherwise).</summary>
    public TimeSpan Elapsed => _startTimestamp == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_startTimestamp);

    /// <summary>For generated code: called before the first node.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void PipelineStarting() => _hooks?.BeforePipelineRun(this);

    /// <summary>For generated code: called after the last node.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void PipelineCompleted()
    {
        _session.CompleteRun(_sequence);
        _hooks?.AfterPipelineRun(this);
        _session.EndRun(_sequence);
    }

    /// <summary>For generated code: called before calling node <paramref name="node"/>.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void NodeStarting(string node) => _hooks?.BeforeNodeRun(this, node);

    /// <summary>For generated code: called after node <paramref name="node"/> returned.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void NodeCompleted(string node) => _hooks?.AfterNodeRun(this, node);

    /// <summary>For generated code: loads a catalog dataset for this run.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public T Load<T>(IDataset<T> dataset)
    {
        if (_hooks is null) return Loaded(dataset.Load());
        _hooks.BeforeDatasetLoaded(this, dataset.Name);
        var data = Loaded(dataset.Load());
        _hooks.AfterDatasetLoaded(this, dataset.Name);
        return data;
    }

    /// <summary>For generated code: loads a catalog dataset for this run, asynchronously.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ValueTask<T> LoadAsync<T>(IDataset<T> dataset, CancellationToken cancellationToken)
    {
        if (_hooks is not null) return LoadWithHooksAsync(dataset, cancellationToken);
        var load = dataset.LoadAsync(cancellationToken);
        return load.IsCompletedSuccessfully ? new(Loaded(load.Result)) : LoadedAsync(load);
    }

    /// <summary>For generated code: the session's shared copy of an artifact, loaded on first use (see <see cref="Session.Preload{T}"/>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public T LoadArtifact<T>(IDataset<T> dataset) => _session.GetArtifact(dataset, this);

    /// <summary>
    /// For generated code: whether the session has hooks. Generated code reads it once per run and calls
    /// <see cref="NodeStarting"/> / <see cref="NodeCompleted"/> only when it is true.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool HasHooks => _hooks is not null;

    /// <summary>For generated code: saves a node output to its catalog dataset.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Save<T>(IDataset<T> dataset, T data)
    {
        if (_hooks is null)
        {
            SaveData(dataset, data);
            return;
        }

        _hooks.BeforeDatasetSaved(this, dataset.Name);
        SaveData(dataset, data);
        _hooks.AfterDatasetSaved(this, dataset.Name);
    }

    /// <summary>For generated code: saves a node output to its catalog dataset, asynchronously.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ValueTask SaveAsync<T>(IDataset<T> dataset, T data, CancellationToken cancellationToken) =>
        _hooks is null ? SaveDataAsync(dataset, data, cancellationToken) : SaveWithHooksAsync(dataset, data, cancellationToken);

    /// <summary>
    /// For generated code: whether <paramref name="exception"/> is a failure to report as a <see cref="PipelineRunException"/>. Cancellation is not,
    /// nor a <see cref="RuntimeValueException"/>: a refused runtime value is the caller's error and reaches the caller as it is.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static bool IsNodeFailure(Exception exception) =>
        exception is not OperationCanceledException and not PipelineRunException and not RuntimeValueException;

    /// <summary>
    /// For generated code: builds the exception for a failure at <paramref name="nodes"/>[<paramref name="step"/>] and calls
    /// the error hooks. Generated code throws what it returns.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public PipelineRunException Fail(string[] nodes, int step, Exception exception)
    {
        var node = nodes[step];
        var error = new PipelineRunException(PipelineName, node, RunId, nodes[step..], exception);
        if (_session.FindPipeline(PipelineName)?.Definition is { } definition && definition.Nodes.Count == nodes.Length)
        {
            // The straight-line run calls the nodes in the definition's order: those before the failed one completed.
            var start = Runners.ResumePlanner.StartNodes(definition, Enumerable.Range(0, nodes.Length).ToArray(), Enumerable.Range(0, step).ToHashSet());
            error.SetResume(new Runners.ResumeInfo(start, Runners.ResumePlanner.Command(PipelineName, _session.Environment, Runners.RunOptions.Default, start)));
        }

        _hooks?.OnNodeError(this, node, exception);
        _hooks?.OnPipelineError(this, error);
        _session.EndRun(_sequence);
        return error;
    }

    /// <summary>Builds the exception for the failures of a node-by-node run and calls the error hooks.</summary>
    internal PipelineRunException Fail(IReadOnlyList<Runners.NodeFailure> failures, IReadOnlyList<string> notRun, Runners.ResumeInfo resume)
    {
        var error = new PipelineRunException(PipelineName, failures, RunId, notRun);
        error.SetResume(resume);
        foreach (var failure in failures) _hooks?.OnNodeError(this, failure.NodeName, failure.Exception);
        _hooks?.OnPipelineError(this, error);
        _session.EndRun(_sequence);
        return error;
    }

    /// <summary>
    /// For generated code and the runners: ends a run that stopped without a node failure to report: it was cancelled, or a pipeline it ran failed and
    /// reported that itself. No hook is called; the run's save version is released. Called by generated code and the runners.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Abandon() => _session.EndRun(_sequence);

    private void SaveData<T>(IDataset<T> dataset, T data)
    {
        if (dataset is IVersionedDataset<T> { IsVersioned: true } versioned) SavedAs(versioned.SaveNewVersion(data, SaveVersion));
        else dataset.Save(data);
    }

    private ValueTask SaveDataAsync<T>(IDataset<T> dataset, T data, CancellationToken cancellationToken) =>
        dataset is IVersionedDataset<T> { IsVersioned: true } versioned
            ? SaveVersionedAsync(versioned, data, cancellationToken)
            : dataset.SaveAsync(data, cancellationToken);

    private async ValueTask SaveVersionedAsync<T>(IVersionedDataset<T> dataset, T data, CancellationToken cancellationToken) =>
        SavedAs(await dataset.SaveNewVersionAsync(data, SaveVersion, cancellationToken).ConfigureAwait(false));

    private void SavedAs(string version) => _session.UseSaveVersion(_sequence, version);

    private async ValueTask<T> LoadWithHooksAsync<T>(IDataset<T> dataset, CancellationToken cancellationToken)
    {
        _hooks!.BeforeDatasetLoaded(this, dataset.Name);
        var data = Loaded(await dataset.LoadAsync(cancellationToken).ConfigureAwait(false));
        _hooks.AfterDatasetLoaded(this, dataset.Name);
        return data;
    }

    private async ValueTask<T> LoadedAsync<T>(ValueTask<T> load) => Loaded(await load.ConfigureAwait(false));

    // Loaded data whose effect is due when the run succeeds (an incremental dataset's checkpoint) waits for the run's end.
    private T Loaded<T>(T data)
    {
        if (data is Datasets.IRunCompletion completion) _session.OnRunSucceeded(_sequence, completion);
        return data;
    }

    private async ValueTask SaveWithHooksAsync<T>(IDataset<T> dataset, T data, CancellationToken cancellationToken)
    {
        _hooks!.BeforeDatasetSaved(this, dataset.Name);
        await SaveDataAsync(dataset, data, cancellationToken).ConfigureAwait(false);
        _hooks.AfterDatasetSaved(this, dataset.Name);
    }
}
