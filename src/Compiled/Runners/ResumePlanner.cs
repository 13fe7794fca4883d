using Compiled.Pipelines;

namespace Compiled.Runners;

/// <summary>
/// After a failure: the nodes a new run must start from so that everything that did not run runs, and the exact
/// command that does it. Kedro's <c>_find_nodes_to_resume_from</c>: start from the unfinished nodes, walk up to the
/// producers of each input that is not persisted (it was lost with the failed run), take everything downstream of
/// those, and name the first nodes of that set.
/// </summary>
public static class ResumePlanner
{
    /// <summary>The nodes <c>--from-nodes</c> must name to resume, in run order.</summary>
    /// <param name="definition">The pipeline.</param>
    /// <param name="selected">The indices of the nodes the failed run took, ascending.</param>
    /// <param name="done">The indices of the nodes that completed.</param>
    public static IReadOnlyList<string> StartNodes(PipelineDefinition definition, IReadOnlyCollection<int> selected, IReadOnlySet<int> done)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(done);
        var inRun = new HashSet<int>(selected);
        var unfinished = new HashSet<int>(selected.Where(n => !done.Contains(n)));
        if (unfinished.Count == 0) return [];

        // The unfinished nodes that read something produced outside the unfinished set (Kedro: _nodes_with_external_inputs).
        var queue = new Queue<int>(unfinished.Where(n => definition.InputsOf(n).Any(d => !unfinished.Contains(definition.ProducerOf(d)))));
        var toRun = new HashSet<int>(unfinished);
        var visited = new HashSet<int>(queue);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            toRun.Add(node);
            foreach (var input in definition.InputsOf(node))
            {
                // A persisted input can be loaded by the new run; any other must be produced again.
                if (definition.Datasets[input].IsPersisted) continue;
                var producer = definition.ProducerOf(input);
                if (producer >= 0 && inRun.Contains(producer) && visited.Add(producer)) queue.Enqueue(producer);
            }
        }

        // Everything downstream of those, within the run (Kedro: pipeline.from_nodes(*nodes_to_run)).
        var downstream = new Queue<int>(toRun);
        while (downstream.Count > 0)
        {
            foreach (var output in definition.OutputsOf(downstream.Dequeue()))
            {
                foreach (var consumer in definition.ConsumersOf(output))
                {
                    if (inRun.Contains(consumer) && toRun.Add(consumer)) downstream.Enqueue(consumer);
                }
            }
        }

        // The first topological group: nodes none of whose inputs is produced by another node of the set.
        return toRun.Where(n => definition.InputsOf(n).All(d => !toRun.Contains(definition.ProducerOf(d))))
            .Order()
            .Select(n => definition.Nodes[n].Name)
            .ToArray();
    }

    /// <summary>
    /// The arguments of the command that resumes: <c>run --pipeline … --env … --from-nodes …</c> plus every other
    /// option the failed run had (filters, <c>--params</c>, <c>--runtime</c>, <c>--runner</c>, <c>--only-missing-outputs</c>),
    /// quoted for a POSIX shell. With no start nodes (nothing completed), it repeats the failed run.
    /// </summary>
    /// <param name="pipeline">The pipeline's name.</param>
    /// <param name="environment">The session's environment.</param>
    /// <param name="options">The failed run's options.</param>
    /// <param name="startNodes">The nodes to resume from (<see cref="StartNodes"/>).</param>
    public static string Command(string pipeline, string? environment, RunOptions options, IReadOnlyList<string> startNodes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(startNodes);
        var arguments = new List<string> { "run", "--pipeline", pipeline };
        if (environment is not null) arguments.AddRange(["--env", environment]);
        var filter = options.Filter;
        void Add(string option, IReadOnlyList<string> values)
        {
            if (values.Count > 0) arguments.AddRange([option, string.Join(",", values)]);
        }

        Add("--tags", filter.Tags);
        Add("--nodes", filter.Nodes);
        // Every node downstream of the start nodes is downstream of the failed run's --from-nodes: replace them.
        Add("--from-nodes", startNodes.Count > 0 ? startNodes : filter.FromNodes);
        Add("--to-nodes", filter.ToNodes);
        Add("--from-inputs", filter.FromInputs);
        Add("--to-outputs", filter.ToOutputs);
        Add("--namespaces", filter.Namespaces);
        foreach (var assignment in options.ParameterOverrides) arguments.AddRange(["--params", assignment]);
        foreach (var (name, value) in options.RuntimeValues.OrderBy(p => p.Key, StringComparer.Ordinal)) arguments.AddRange(["--runtime", $"{name}={value}"]);
        if (options.Runner == RunnerKind.Parallel)
        {
            arguments.AddRange(["--runner", "parallel"]);
            if (options.MaxDegreeOfParallelism is { } max) arguments.AddRange(["--max-workers", max.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (options.OnlyMissingOutputs) arguments.Add("--only-missing-outputs");
        return string.Join(" ", arguments.Select(ShellQuote));
    }

    /// <summary>Quotes <paramref name="argument"/> for a POSIX shell when it holds anything but letters, digits and <c>_-.,:=/@%+</c>.</summary>
    public static string ShellQuote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "_-.,:=/@%+".Contains(c))) return argument;
        return "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Splits a command line written by <see cref="Command"/> (POSIX single quotes) back into arguments.</summary>
    public static IReadOnlyList<string> SplitCommand(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var arguments = new List<string>();
        var current = new System.Text.StringBuilder();
        var inQuotes = false;
        var escaped = false;
        var hasToken = false;
        foreach (var c in command)
        {
            if (escaped)
            {
                current.Append(c);
                escaped = false;
            }
            else if (inQuotes)
            {
                if (c == '\'') inQuotes = false;
                else current.Append(c);
            }
            else if (c == '\'')
            {
                inQuotes = true;
                hasToken = true;
            }
            else if (c == '\\')
            {
                escaped = true;
                hasToken = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (hasToken) arguments.Add(current.ToString());
                current.Clear();
                hasToken = false;
            }
            else
            {
                current.Append(c);
                hasToken = true;
            }
        }

        if (hasToken) arguments.Add(current.ToString());
        return arguments;
    }
}
