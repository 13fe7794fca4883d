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
        IReadOnlyList<int> selected = options.Filter.IsEmpty ? AllNodes(definition) : definition.FilterIndices(options.Filter);
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
        var inRun = InRun(definition, selected);
        var loads = CheckInputs(execution, selected, inRun);

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
        var parallel = options.Runner == RunnerKind.Parallel && selected.Count > 1;
        var state = new RunState(execution, selected, inRun, loads, parallel);
        run.PipelineStarting();
        try
        {
            if (parallel)
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
            var notRun = selected.Where(n => !state.Done[n]).Select(n => definition.Nodes[n].Name).ToArray();
            throw run.Fail(state.Failures, notRun, Resume(execution, selected, state.DoneSet()));
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
    private static bool[] CheckInputs(PipelineExecution execution, IReadOnlyList<int> selected, bool[] inRun)
    {
        var definition = execution.Definition;
        var options = execution.Options;
        var loads = new bool[definition.Datasets.Count];
        for (var s = 0; s < selected.Count; s++)
        {
            var node = selected[s];
            var inputs = definition.InputsOf(node);
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                var producer = definition.ProducerOf(input);
                if ((producer >= 0 && inRun[producer]) || loads[input]) continue;
                loads[input] = true;
                var dataset = definition.Datasets[input];
                if (dataset.IsInCatalog || options.Inputs.ContainsKey(dataset.Name)) continue;
                var reader = definition.Nodes[node].Name;
                if (dataset.Storage == DatasetStorage.RuntimeInput)
                    throw new PipelineSelectionException($"Node '{reader}' reads '{dataset.Name}', a runtime input of pipeline '{definition.Name}': give it in RunOptions.Inputs (the command line cannot).");
                throw MemoryOnlyInput(reader, dataset.Name, definition.Nodes[producer].Name);
            }
        }

        // Every ${runtime:…} value without a default that a catalog entry the run loads or saves needs must be given.
        for (var d = 0; d < loads.Length; d++)
        {
            if (loads[d]) CheckRuntimeValues(definition.Datasets[d], options);
        }

        for (var s = 0; s < selected.Count; s++)
        {
            var outputs = definition.OutputsOf(selected[s]);
            for (var o = 0; o < outputs.Count; o++) CheckRuntimeValues(definition.Datasets[outputs[o]], options);
        }

        return loads;
    }

    private static void CheckRuntimeValues(DatasetDefinition dataset, RunOptions options)
    {
        if (!dataset.IsInCatalog) return;
        foreach (var value in dataset.RequiredRuntimeValues)
        {
            if (options.RuntimeValues.ContainsKey(value)) continue;
            throw new PipelineSelectionException(
                $"Dataset '{dataset.Name}' needs the runtime value '{value}' (${{runtime:{value}}} in its catalog entry, with no default): give it with --runtime {value}=… (RunOptions.RuntimeValues).");
        }
    }

    // Every node of the pipeline, in run order (a run with no filter).
    private static int[] AllNodes(PipelineDefinition definition)
    {
        var all = new int[definition.Nodes.Count];
        for (var n = 0; n < all.Length; n++) all[n] = n;
        return all;
    }

    // Whether each node of the pipeline is selected, by node index.
    private static bool[] InRun(PipelineDefinition definition, IReadOnlyList<int> selected)
    {
        var inRun = new bool[definition.Nodes.Count];
        for (var s = 0; s < selected.Count; s++) inRun[selected[s]] = true;
        return inRun;
    }

    private static async Task RunSequentialAsync(RunState state, CancellationToken cancellationToken)
    {
        for (var s = 0; s < state.Selected.Count; s++)
        {
            var node = state.Selected[s];
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // A node that completes synchronously (and its loads) costs no Task: its ValueTask is read, not awaited.
                var run = state.RunNodeInOrderAsync(node, cancellationToken);
                if (run.IsCompletedSuccessfully) run.GetAwaiter().GetResult();
                else await run.ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                state.Failures.Add(new NodeFailure(state.Definition.Nodes[node].Name, exception));
                return;
            }

            state.Complete(node);
        }
    }

    // A method of its own: a lambda in CheckInputs' loop would allocate its captured variables on every input checked.
    private static PipelineSelectionException MemoryOnlyInput(string reader, string dataset, string producer) =>
        new(null, filterName =>
            $"Node '{reader}' reads '{dataset}', which no node of this run produces and which is kept in memory only (it has no catalog entry). " +
            $"Run its producer '{producer}' too (e.g. {filterName(NodeFilterCriterion.FromNodes)} {producer}), or persist '{dataset}' in conf/base/catalog.yml.");

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
            var producers = definition.InputsOf(node).Select(definition.ProducerOf).Where(p => p >= 0 && state.InRun[p]).Distinct().ToList();
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

        if (state.Failures.Count == 0 && (cancelled || cancellationToken.IsCancellationRequested) && state.Completed.Count < state.Selected.Count)
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

    /// <summary>
    /// What a run in progress knows: what it runs, what it loads, what is done, how many readers each value has left;
    /// arrays indexed by node and dataset, so that keeping track costs no hashing and no allocation per node.
    /// </summary>
    private sealed class RunState
    {
        private readonly PipelineExecution _execution;
        private readonly bool[] _loads;
        private readonly bool[] _loaded;
        private readonly Dictionary<int, Task>? _loading; // the parallel runner's loads, shared by the nodes that read them
        private readonly int[] _readersLeft;

        public RunState(PipelineExecution execution, IReadOnlyList<int> selected, bool[] inRun, bool[] loads, bool parallel)
        {
            _execution = execution;
            _loads = loads;
            _loaded = new bool[loads.Length];
            _readersLeft = new int[loads.Length];
            _loading = parallel ? [] : null;
            Selected = selected;
            InRun = inRun;
            Done = new bool[InRun.Length];
            Completed = new List<string>(selected.Count);
            for (var s = 0; s < selected.Count; s++)
            {
                var inputs = Definition.InputsOf(selected[s]);
                for (var i = 0; i < inputs.Count; i++) _readersLeft[inputs[i]]++;
            }
        }

        public PipelineDefinition Definition => _execution.Definition;

        public IReadOnlyList<int> Selected { get; }

        /// <summary>Whether each node is selected, by node index.</summary>
        public bool[] InRun { get; }

        /// <summary>Whether each node completed, by node index.</summary>
        public bool[] Done { get; }

        public List<string> Completed { get; }

        public List<NodeFailure> Failures { get; } = [];

        /// <summary>The completed nodes' indices, for the resume command.</summary>
        public HashSet<int> DoneSet()
        {
            var done = new HashSet<int>();
            for (var n = 0; n < Done.Length; n++)
            {
                if (Done[n]) done.Add(n);
            }

            return done;
        }

        /// <summary>
        /// Loads what the node reads and no node of the run produces, then runs it; for the sequential runner, which runs
        /// one node at a time, so that a load needs no lock and no Task.
        /// </summary>
        public ValueTask RunNodeInOrderAsync(int node, CancellationToken cancellationToken)
        {
            var inputs = Definition.InputsOf(node);
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                if (!_loads[input] || _loaded[input]) continue;
                _loaded[input] = true;
                var load = _execution.LoadAsync(input, cancellationToken);
                if (!load.IsCompletedSuccessfully) return LoadThenRunAsync(load, node, cancellationToken);
                load.GetAwaiter().GetResult();
            }

            return _execution.RunNodeAsync(node, cancellationToken);
        }

        /// <summary>
        /// Loads what the node reads and no node of the run produces (once, even for nodes running together), then runs it;
        /// for the parallel runner.
        /// </summary>
        public async ValueTask RunNodeAsync(int node, CancellationToken cancellationToken)
        {
            foreach (var input in Definition.InputsOf(node))
            {
                if (!_loads[input]) continue;
                Task load;
                lock (_loading!)
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
            Done[node] = true;
            Completed.Add(Definition.Nodes[node].Name);
            var inputs = Definition.InputsOf(node);
            for (var i = 0; i < inputs.Count; i++)
            {
                if (--_readersLeft[inputs[i]] == 0) _execution.Release(inputs[i]);
            }

            var outputs = Definition.OutputsOf(node);
            for (var o = 0; o < outputs.Count; o++)
            {
                if (_readersLeft[outputs[o]] == 0) _execution.Release(outputs[o]);
            }
        }

        // The rest of RunNodeInOrderAsync once a load did not complete synchronously.
        private async ValueTask LoadThenRunAsync(ValueTask pending, int node, CancellationToken cancellationToken)
        {
            await pending.ConfigureAwait(false);
            await RunNodeInOrderAsync(node, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Where and how to resume a failed run.</summary>
internal sealed record ResumeInfo(IReadOnlyList<string> StartNodes, string Command);
