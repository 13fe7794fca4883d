using System.Diagnostics;
using Compiled.Pipelines;

namespace Compiled.Runners;

/// <summary>
/// Runs a <see cref="PipelineExecution"/>: selects the nodes (<see cref="RunOptions.Filter"/>, then
/// <see cref="RunOptions.OnlyMissingOutputs"/>), checks that everything they read can be had, and runs them with
/// the sequential or the parallel runner, loading what no selected node produces and releasing each value as soon
/// as no node left reads it. A run of every node with the sequential runner is the pipeline's straight-line
/// <c>RunAsync</c>. A failure becomes one <see cref="PipelineRunException"/> with the exact command that resumes.
/// </summary>
public static class PipelineRunner
{
    /// <summary>Runs the nodes <paramref name="execution"/>'s options select.</summary>
    /// <param name="execution">The run.</param>
    /// <param name="cancellationToken">Stops the run between nodes, and inside nodes that observe it.</param>
    /// <exception cref="PipelineSelectionException">The filters or inputs do not allow a run; no node ran.</exception>
    /// <exception cref="PipelineRunException">A node failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<RunSummary> RunAsync(PipelineExecution execution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var definition = execution.Definition;
        var options = execution.Options;
        var selected = definition.FilterIndices(options.Filter);
        IReadOnlyList<string> skipped = [];
        if (options.OnlyMissingOutputs)
        {
            var missing = NodesWithMissingOutputs(execution, selected);
            skipped = selected.Where(n => !missing.Contains(n)).Select(n => definition.Nodes[n].Name).ToArray();
            selected = selected.Where(missing.Contains).ToArray();
        }

        var runId = options.RunId ?? execution.Session.NewRunId();
        var started = Stopwatch.GetTimestamp();
        if (selected.Count == 0) return new RunSummary(definition.Name, runId, [], skipped, TimeSpan.Zero);
        var loads = CheckInputs(execution, selected);

        if (selected.Count == definition.Nodes.Count && options.Runner == RunnerKind.Sequential && options.Inputs.Count == 0 && execution.CanRunAll)
        {
            // Every node, one after the other: the generated straight-line run.
            try
            {
                await execution.RunAllAsync(runId, cancellationToken).ConfigureAwait(false);
            }
            catch (PipelineRunException error)
            {
                var failed = definition.IndexOfNode(error.NodeName);
                var done = Enumerable.Range(0, Math.Max(0, failed)).ToHashSet();
                error.SetResume(Resume(execution, selected, done));
                throw;
            }

            return new RunSummary(definition.Name, runId, definition.Nodes.Select(n => n.Name).ToArray(), skipped, Stopwatch.GetElapsedTime(started));
        }

        execution.Begin(runId);
        var run = execution.Run;
        var state = new RunState(execution, selected, loads);
        run.PipelineStarting();
        try
        {
            if (options.Runner == RunnerKind.Parallel && selected.Count > 1)
            {
                await RunParallelAsync(state, options.EffectiveDegreeOfParallelism, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await RunSequentialAsync(state, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            run.Abandon();
            throw;
        }

        if (state.Failures.Count > 0)
        {
            var notRun = selected.Where(n => !state.Done.Contains(n)).Select(n => definition.Nodes[n].Name).ToArray();
            throw run.Fail(state.Failures, notRun, Resume(execution, selected, state.Done));
        }

        run.PipelineCompleted();
        return new RunSummary(definition.Name, runId, state.Completed, skipped, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Kedro's <c>--only-missing-outputs</c> (<c>_filter_pipeline_for_missing_outputs</c>), walking the nodes in reverse
    /// run order: a node runs if it has no outputs, if one of its persisted outputs does not exist, or if a node that
    /// runs reads one of its outputs that is not persisted or does not exist.
    /// </summary>
    private static HashSet<int> NodesWithMissingOutputs(PipelineExecution execution, IReadOnlyList<int> selected)
    {
        var definition = execution.Definition;
        var inRun = new HashSet<int>(selected);
        var exists = new Dictionary<int, bool>();
        bool Exists(int dataset)
        {
            if (!exists.TryGetValue(dataset, out var value)) exists[dataset] = value = execution.Exists(dataset);
            return value;
        }

        bool PersistedAndMissing(int dataset) => definition.Datasets[dataset].IsPersisted && !Exists(dataset);
        bool EphemeralOrMissing(int dataset) => !definition.Datasets[dataset].IsPersisted || !Exists(dataset);

        var toRun = new HashSet<int>();
        foreach (var node in selected.Reverse())
        {
            var outputs = definition.OutputsOf(node);
            var runs = outputs.Count == 0
                || outputs.Any(PersistedAndMissing)
                || outputs.Any(o => definition.ConsumersOf(o).Any(c => inRun.Contains(c) && toRun.Contains(c)) && EphemeralOrMissing(o));
            if (runs) toRun.Add(node);
        }

        return toRun;
    }

    /// <summary>
    /// The datasets the run loads (read by a selected node, produced by none), checked before any node runs: each must
    /// be in the catalog or given in <see cref="RunOptions.Inputs"/>, and every <c>${runtime:…}</c> value without a
    /// default that the run's catalog entries need must be given.
    /// </summary>
    private static HashSet<int> CheckInputs(PipelineExecution execution, IReadOnlyList<int> selected)
    {
        var definition = execution.Definition;
        var options = execution.Options;
        var inRun = new HashSet<int>(selected);
        var loads = new HashSet<int>();
        foreach (var node in selected)
        {
            foreach (var input in definition.InputsOf(node))
            {
                if (inRun.Contains(definition.ProducerOf(input)) || !loads.Add(input)) continue;
                var dataset = definition.Datasets[input];
                if (dataset.IsInCatalog || options.Inputs.ContainsKey(dataset.Name)) continue;
                var reader = definition.Nodes[node].Name;
                var producer = definition.ProducerOf(input);
                throw new PipelineSelectionException(dataset.Storage == DatasetStorage.RuntimeInput
                    ? $"Node '{reader}' reads '{dataset.Name}', a runtime input of pipeline '{definition.Name}': give it in RunOptions.Inputs (the command line cannot)."
                    : $"Node '{reader}' reads '{dataset.Name}', which no node of this run produces and which is kept in memory only (it has no catalog entry). " +
                      $"Run its producer '{definition.Nodes[producer].Name}' too (e.g. --from-nodes {definition.Nodes[producer].Name}), or persist '{dataset.Name}' in conf/base/catalog.yml.");
            }
        }

        var touched = loads.Concat(selected.SelectMany(definition.OutputsOf)).Select(d => definition.Datasets[d]).Where(d => d.IsInCatalog);
        foreach (var dataset in touched)
        {
            foreach (var value in dataset.RequiredRuntimeValues.Where(v => !options.RuntimeValues.ContainsKey(v)))
            {
                throw new PipelineSelectionException(
                    $"Dataset '{dataset.Name}' needs the runtime value '{value}' (${{runtime:{value}}} in its catalog entry, with no default): give it with --runtime {value}=… (RunOptions.RuntimeValues).",
                    "--runtime");
            }
        }

        return loads;
    }

    private static async Task RunSequentialAsync(RunState state, CancellationToken cancellationToken)
    {
        foreach (var node in state.Selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await state.RunNodeAsync(node, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                state.Failures.Add(new NodeFailure(state.Definition.Nodes[node].Name, exception));
                return;
            }

            state.Complete(node);
        }
    }

    /// <summary>
    /// Kedro's <c>ThreadRunner</c> loop: start every node whose producers are done, up to the bound; when one finishes,
    /// release what no node left reads and start the nodes it made ready. After a failure or cancellation no new node
    /// starts; the running ones are awaited and every failure is reported.
    /// </summary>
    private static async Task RunParallelAsync(RunState state, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var definition = state.Definition;
        var pending = new Dictionary<int, int>();
        var dependents = new Dictionary<int, List<int>>();
        foreach (var node in state.Selected)
        {
            var producers = definition.InputsOf(node).Select(definition.ProducerOf).Where(state.InRun.Contains).Distinct().ToList();
            pending[node] = producers.Count;
            foreach (var producer in producers)
            {
                if (!dependents.TryGetValue(producer, out var list)) dependents[producer] = list = [];
                list.Add(node);
            }
        }

        var ready = new SortedSet<int>(state.Selected.Where(n => pending[n] == 0));
        var running = new Dictionary<Task, int>();
        var cancelled = false;
        while (true)
        {
            while (state.Failures.Count == 0 && !cancelled && !cancellationToken.IsCancellationRequested && ready.Count > 0 && running.Count < maxDegreeOfParallelism)
            {
                var node = ready.Min;
                ready.Remove(node);
                running.Add(Task.Run(() => state.RunNodeAsync(node, cancellationToken).AsTask(), CancellationToken.None), node);
            }

            if (running.Count == 0) break;
            var finished = await Task.WhenAny(running.Keys).ConfigureAwait(false);
            var completed = running[finished];
            running.Remove(finished);
            if (finished.Exception?.InnerException is { } exception && exception is not OperationCanceledException)
            {
                state.Failures.Add(new NodeFailure(definition.Nodes[completed].Name, exception));
            }
            else if (!finished.IsCompletedSuccessfully)
            {
                cancelled = true;
            }
            else
            {
                state.Complete(completed);
                foreach (var dependent in dependents.GetValueOrDefault(completed) ?? [])
                {
                    if (--pending[dependent] == 0) ready.Add(dependent);
                }
            }
        }

        if (state.Failures.Count == 0 && (cancelled || cancellationToken.IsCancellationRequested) && state.Done.Count < state.Selected.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new OperationCanceledException("A node of the run was cancelled.");
        }
    }

    private static ResumeInfo Resume(PipelineExecution execution, IReadOnlyList<int> selected, IReadOnlySet<int> done)
    {
        var start = ResumePlanner.StartNodes(execution.Definition, selected.ToArray(), done);
        return new ResumeInfo(start, ResumePlanner.Command(execution.Definition.Name, execution.Session.Environment, execution.Options, start));
    }

    /// <summary>What a run in progress knows: what it runs, what is loaded, what is done, how many readers each value has left.</summary>
    private sealed class RunState
    {
        private readonly PipelineExecution _execution;
        private readonly HashSet<int> _loads;
        private readonly Dictionary<int, Task> _loading = [];
        private readonly Lock _loadingLock = new();
        private readonly Dictionary<int, int> _readersLeft = [];

        public RunState(PipelineExecution execution, IReadOnlyList<int> selected, HashSet<int> loads)
        {
            _execution = execution;
            _loads = loads;
            Selected = selected;
            InRun = [.. selected];
            foreach (var node in selected)
            {
                foreach (var input in Definition.InputsOf(node)) _readersLeft[input] = _readersLeft.GetValueOrDefault(input) + 1;
            }
        }

        public PipelineDefinition Definition => _execution.Definition;

        public IReadOnlyList<int> Selected { get; }

        public HashSet<int> InRun { get; }

        public HashSet<int> Done { get; } = [];

        public List<string> Completed { get; } = [];

        public List<NodeFailure> Failures { get; } = [];

        /// <summary>Loads what the node reads and no node of the run produces (once, even for nodes running together), then runs it.</summary>
        public async ValueTask RunNodeAsync(int node, CancellationToken cancellationToken)
        {
            foreach (var input in Definition.InputsOf(node))
            {
                if (!_loads.Contains(input)) continue;
                Task load;
                lock (_loadingLock)
                {
                    if (!_loading.TryGetValue(input, out load!)) _loading[input] = load = _execution.LoadAsync(input, cancellationToken).AsTask();
                }

                await load.ConfigureAwait(false);
            }

            await _execution.RunNodeAsync(node, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Records a completed node and releases every value no node left in the run reads.</summary>
        public void Complete(int node)
        {
            Done.Add(node);
            Completed.Add(Definition.Nodes[node].Name);
            foreach (var input in Definition.InputsOf(node))
            {
                if (--_readersLeft[input] == 0) _execution.Release(input);
            }

            foreach (var output in Definition.OutputsOf(node))
            {
                if (_readersLeft.GetValueOrDefault(output) == 0) _execution.Release(output);
            }
        }
    }
}

/// <summary>Where and how to resume a failed run.</summary>
internal sealed record ResumeInfo(IReadOnlyList<string> StartNodes, string Command);
