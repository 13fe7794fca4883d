using System.Runtime.CompilerServices;
using Compiled.Config;
using Microsoft.Extensions.Logging;

namespace Compiled;

/// <summary>
/// The base of every generated <c>{Project}Session</c>: the configuration of one environment, read
/// once; the session's hooks; and the artifacts shared by its runs. Thread-safe: create one and run
/// pipelines from any number of threads. Creating a session opens no dataset.
/// </summary>
/// <remarks>
/// Disposing the session disposes the artifacts it holds (<see cref="Preload{T}"/> and those its runs loaded)
/// that are <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>, once; a disposed session starts no run
/// (<see cref="ObjectDisposedException"/>). Dispose it when no run is under way: artifacts are shared, a run still
/// going would use a disposed one. In an application that hosts it, the host disposes it when it stops.
/// </remarks>
public abstract class Session : IDisposable, IAsyncDisposable
{
    private readonly HookSet? _hooks;
    private readonly ArtifactCache _artifacts;
    private readonly DatasetPreflight _preflight;
    private readonly string _sessionId = Guid.NewGuid().ToString("N")[..12];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _saveVersions = new();
    private long _runCount;
    private long _lastVersionTicks;
    private int _openSaveVersions;
    private int _disposed;

    /// <summary>Locates the project and reads its configuration for the chosen environment.</summary>
    /// <exception cref="ConfigException">The project or its configuration cannot be read; the message names the file and line.</exception>
    protected Session(SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _artifacts = new ArtifactCache(this);
        Options = options;
        Environment = options.Environment
            ?? System.Environment.GetEnvironmentVariable(SessionOptions.EnvironmentVariable)
            ?? "local";
        Config = ProjectConfig.Load(ProjectLocator.Locate(options.ProjectPath), Environment, options.JsonTypeInfoResolver, options.FileStores);
        var hooks = new List<PipelineHook>();
        if (options.LoggerFactory is not null) hooks.Add(new LoggingHook(options.LoggerFactory.CreateLogger("Compiled.Run")));
        hooks.AddRange(options.Hooks);
        _hooks = HookSet.Create(hooks);
        _preflight = new DatasetPreflight(Config, name => FindPipeline(name)?.Definition);
    }

    /// <summary>The options the session was created with.</summary>
    public SessionOptions Options { get; }

    /// <summary>The configuration environment.</summary>
    public string Environment { get; }

    /// <summary>The project's configuration for <see cref="Environment"/>.</summary>
    public ProjectConfig Config { get; }

    /// <summary>The project directory.</summary>
    public string ProjectPath => Config.ProjectPath;

    /// <summary>
    /// Whether hooks are registered. When none are, generated runs of in-memory pipelines take their
    /// unobserved path: no run context, no per-node checks.
    /// </summary>
    public bool HasHooks => _hooks is not null;

    /// <summary>For generated code: starts a run of <paramref name="pipelineName"/>; generated <c>Run</c> methods call this.</summary>
    /// <param name="pipelineName">The pipeline's name.</param>
    /// <param name="runId">The caller's run id, or null for a new unique one.</param>
    /// <param name="savesData">
    /// Whether the run saves to the catalog. Such runs, and every run of a session with hooks, are
    /// numbered when they start, so that their save version and run id are fixed; a run that only
    /// computes in memory takes no number (no shared counter on the hot path) and gets one only if it fails.
    /// </param>
    /// <exception cref="ObjectDisposedException">The session is disposed.</exception>
    /// <exception cref="ConfigException">
    /// The first run of the pipeline in this session found a dataset it touches naming credentials that do not exist or
    /// need an environment variable that is not set (<see cref="DatasetPreflight"/>): nothing was loaded or written.
    /// </exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public RunContext StartRun(string pipelineName, string? runId, bool savesData = true)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _preflight.EnsureChecked(pipelineName);
        return new(this, _hooks, pipelineName, runId, savesData || _hooks is not null ? NextRunNumber() : 0);
    }

    /// <summary>
    /// For generated code: the exception for a node failure in a run that started no run context (the hot body of an
    /// in-memory <c>Run</c>). Starts the run now, so that it gets a number and a run id, and fails it at
    /// <paramref name="nodes"/>[<paramref name="step"/>]. A call of its own: the generated run's frame then holds no
    /// <see cref="RunContext"/>, whose references the JIT would zero on every run.
    /// </summary>
    /// <param name="pipelineName">The pipeline's name.</param>
    /// <param name="runId">The caller's run id, or null for a new unique one.</param>
    /// <param name="nodes">The pipeline's nodes, in run order.</param>
    /// <param name="step">The index of the node that failed.</param>
    /// <param name="exception">What the node threw.</param>
    /// <exception cref="ObjectDisposedException">The session is disposed.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public PipelineRunException FailRun(string pipelineName, string? runId, string[] nodes, int step, Exception exception) =>
        StartRun(pipelineName, runId, savesData: false).Fail(nodes, step, exception);

    /// <summary>
    /// Disposes the artifacts the session holds that are <see cref="IDisposable"/> (or only <see cref="IAsyncDisposable"/>,
    /// waited for), once; later calls do nothing. The session starts no run afterwards.
    /// </summary>
    /// <exception cref="AggregateException">Disposing one or more artifacts threw; every artifact was still disposed.</exception>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        GC.SuppressFinalize(this);
        _artifacts.Dispose();
    }

    /// <summary>
    /// Disposes the artifacts the session holds that are <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>, once;
    /// later calls do nothing. The session starts no run afterwards.
    /// </summary>
    /// <exception cref="AggregateException">Disposing one or more artifacts threw; every artifact was still disposed.</exception>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return ValueTask.CompletedTask;
        GC.SuppressFinalize(this);
        return _artifacts.DisposeAsync();
    }

    internal long NextRunNumber() => Interlocked.Increment(ref _runCount);

    /// <summary>A new unique run id, <c>&lt;session id&gt;-&lt;run number&gt;</c>.</summary>
    internal string NewRunId() => GeneratedRunId(NextRunNumber());

    /// <summary>The project's pipelines (generated), for the command line and other callers that pick one by name.</summary>
    public virtual IReadOnlyList<Pipelines.IPipeline> Pipelines => [];

    /// <summary>Every parameter path a <c>--params</c> override can set (generated).</summary>
    public virtual IReadOnlyList<string> ParameterPaths => [];

    /// <summary>The pipeline named <paramref name="name"/> (<c>__default__</c> is <c>default</c>, as in Kedro), or null.</summary>
    public Pipelines.IPipeline? FindPipeline(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == "__default__") name = "default";
        foreach (var pipeline in Pipelines)
        {
            if (pipeline.Definition.Name == name) return pipeline;
        }

        return null;
    }

    internal string GeneratedRunId(long sequence) => $"{_sessionId}-{sequence}";

    /// <summary>
    /// The save version of run <paramref name="sequence"/>, fixed at its first versioned save: the time
    /// of that save, at least a millisecond after any earlier run's, so the session's concurrent runs never collide.
    /// A save that finds it taken by another process moves the run on (<see cref="UseSaveVersion"/>).
    /// </summary>
    internal string SaveVersion(long sequence)
    {
        if (_saveVersions.TryGetValue(sequence, out var version)) return version;
        var ticks = NextVersionTicks();
        version = _saveVersions.GetOrAdd(sequence, Datasets.DatasetVersion.FromTimestamp(new DateTimeOffset(ticks, TimeSpan.Zero)));
        Interlocked.Increment(ref _openSaveVersions);
        return version;
    }

    /// <summary>
    /// Records that run <paramref name="sequence"/> saved a dataset as <paramref name="version"/>, later than its save
    /// version, because another save (another process, or another session) had taken that version: the run's later
    /// saves use <paramref name="version"/>, and the session's later runs get versions after it.
    /// </summary>
    internal void UseSaveVersion(long sequence, string version)
    {
        if (_saveVersions.TryGetValue(sequence, out var recorded) && recorded == version) return; // the usual case: no collision
        while (_saveVersions.TryGetValue(sequence, out var current) && string.CompareOrdinal(version, current) > 0
               && !_saveVersions.TryUpdate(sequence, version, current))
        {
        }

        if (Datasets.DatasetVersion.TryParse(version, out var timestamp)) AdvanceVersionTicks(timestamp.UtcTicks, step: false);
    }

    /// <summary>How many runs hold a save version: those that saved a versioned dataset and have not ended.</summary>
    internal int OpenSaveVersions => Volatile.Read(ref _openSaveVersions);

    // Effects due when a run succeeds (incremental datasets' checkpoints), by run number; see RunContext.Loaded.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, System.Collections.Concurrent.ConcurrentQueue<Datasets.IRunCompletion>> _completions = new();
    private int _runsWithCompletions; // entries in _completions

    /// <summary>Keeps <paramref name="completion"/> until run <paramref name="sequence"/> ends; applied only if it succeeds.</summary>
    internal void OnRunSucceeded(long sequence, Datasets.IRunCompletion completion)
    {
        if (sequence == 0) return;
        if (!_completions.TryGetValue(sequence, out var queue))
        {
            // Counted when added, so that ending a run without completions (almost every run) reads one int: the
            // dictionary's IsEmpty takes all of its locks when it is empty.
            queue = new();
            if (_completions.TryAdd(sequence, queue)) Interlocked.Increment(ref _runsWithCompletions);
            else queue = _completions[sequence];
        }

        queue.Enqueue(completion);
    }

    /// <summary>Applies the completions of run <paramref name="sequence"/>, which succeeded.</summary>
    internal void CompleteRun(long sequence)
    {
        if (!TryRemoveCompletions(sequence, out var completions)) return;
        foreach (var completion in completions) completion.Complete();
    }

    /// <summary>Forgets a finished run's save version; costs one read when the run saved nothing versioned.</summary>
    internal void EndRun(long sequence)
    {
        TryRemoveCompletions(sequence, out _);
        if (sequence == 0 || Volatile.Read(ref _openSaveVersions) == 0) return;
        if (_saveVersions.TryRemove(sequence, out _)) Interlocked.Decrement(ref _openSaveVersions);
    }

    private bool TryRemoveCompletions(long sequence, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out System.Collections.Concurrent.ConcurrentQueue<Datasets.IRunCompletion>? completions)
    {
        completions = null;
        if (Volatile.Read(ref _runsWithCompletions) == 0 || !_completions.TryRemove(sequence, out completions)) return false;
        Interlocked.Decrement(ref _runsWithCompletions);
        return true;
    }

    private long NextVersionTicks() =>
        AdvanceVersionTicks(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, step: true);

    // Moves the last version issued to at least `ticks` (with `step`, also a millisecond past the previous one) and returns it.
    private long AdvanceVersionTicks(long ticks, bool step)
    {
        while (true)
        {
            var last = Volatile.Read(ref _lastVersionTicks);
            var next = Math.Max(ticks, step ? last + TimeSpan.TicksPerMillisecond : last);
            if (next == last || Interlocked.CompareExchange(ref _lastVersionTicks, next, last) == last) return next;
        }
    }

    /// <summary>
    /// Loads <paramref name="dataset"/> now and keeps it for every run of this session that declares it
    /// as an artifact. Artifacts are shared between concurrent runs: treat them as read-only. The session's hooks see the
    /// load like a run's dataset load (<see cref="PipelineHook.BeforeDatasetLoaded"/>, <see cref="PipelineHook.AfterDatasetLoaded"/>),
    /// in a run whose pipeline name and run id are <c>preload</c>.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The session is disposed.</exception>
    public T Preload<T>(IDataset<T> dataset)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _artifacts.Preload(dataset, new RunContext(this, _hooks, "preload", "preload", sequence: 0));
    }

    /// <summary>Drops the session's copy of an artifact; the next run that needs it loads it again.</summary>
    /// <returns>Whether the artifact was held.</returns>
    public bool Release<T>(IDataset<T> dataset) => _artifacts.Release(dataset.Name);

    /// <summary>Whether the session holds a loaded copy of <paramref name="dataset"/>.</summary>
    public bool IsPreloaded<T>(IDataset<T> dataset) => _artifacts.IsLoaded(dataset.Name);

    internal T GetArtifact<T>(IDataset<T> dataset, in RunContext run) => _artifacts.Get(dataset, run);

    /// <summary>
    /// For generated code: the artifact of <paramref name="slot"/> for a prepared run of <paramref name="pipelineName"/>
    /// (a generated pipeline's <c>Prepare</c>): the slot's copy, loaded now if the slot is empty. The session's hooks see
    /// that load like <see cref="Preload{T}"/>'s, in a run of the pipeline whose id is <c>prepare</c>. A failed load is kept
    /// by no one (the next <c>Prepare</c> or run loads again).
    /// </summary>
    /// <param name="slot">The artifact's slot, declared by the pipeline (<see cref="DeclareArtifact{T}"/>).</param>
    /// <param name="pipelineName">The pipeline being prepared, named in the error.</param>
    /// <exception cref="ObjectDisposedException">The session is disposed.</exception>
    /// <exception cref="DatasetException">The load failed: names the artifact and the pipeline; the dataset's exception is the inner one.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public T PrepareArtifact<T>(ArtifactSlot<T> slot, string pipelineName)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            return slot.Get(new RunContext(this, _hooks, pipelineName, "prepare", sequence: 0));
        }
        catch (Exception exception) when (exception is not ObjectDisposedException and not OperationCanceledException)
        {
            throw new DatasetException(slot.Name,
                $"Artifact '{slot.Name}' of pipeline '{pipelineName}' could not be loaded: {exception.Message} " +
                "Nothing was kept: fix the dataset, then call Prepare again.", exception);
        }
    }

    /// <summary>
    /// For generated code: refuses to prepare an unobserved run of <paramref name="pipelineName"/> (a generated pipeline's
    /// <c>PrepareUnobserved</c>) in a session with hooks, whose hooks such runs would not call.
    /// </summary>
    /// <param name="pipelineName">The pipeline being prepared, named in the error.</param>
    /// <exception cref="InvalidOperationException">The session has hooks.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public void RefuseHooksForUnobservedRuns(string pipelineName)
    {
        if (_hooks is not null)
        {
            throw new InvalidOperationException(
                $"Pipeline '{pipelineName}' cannot be prepared unobserved: this session has hooks, and an unobserved run would not " +
                "call them. Use Prepare(), whose runs call the hooks, or create the session without hooks.");
        }
    }

    /// <summary>
    /// For generated code: the session's slot of artifact <paramref name="name"/>, made on first call: generated pipelines declare each artifact
    /// they name when the session creates them, and their runs read the slot directly. Pipelines that name the same
    /// artifact share its slot; <see cref="Preload{T}"/>, <see cref="Release{T}"/> and <see cref="IsPreloaded{T}"/> of a
    /// dataset with that name act on it too.
    /// </summary>
    /// <param name="name">The artifact's dataset name.</param>
    /// <param name="dataset">Gives the catalog dataset when the artifact is first loaded (the catalog creates datasets on first use).</param>
    /// <exception cref="InvalidOperationException">The name already has a slot of another type.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public ArtifactSlot<T> DeclareArtifact<T>(string name, Func<IDataset<T>> dataset)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(dataset);
        return _artifacts.Slot(name, dataset);
    }
}
