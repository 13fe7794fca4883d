using Compiled.Pipelines;

namespace Compiled.Runners;

/// <summary>
/// One run of a pipeline, node by node: the generated <c>Execution</c> class of each pipeline derives from it,
/// with one field per dataset and one method per node, and <see cref="PipelineRunner"/> decides which node runs
/// when. Nodes read their inputs from fields and write their outputs to fields, so a run holds each value once,
/// typed, and releases it when no node left needs it. No reflection: the runner calls the overrides by index.
/// </summary>
public abstract class PipelineExecution
{
    /// <summary>Creates the execution of one run.</summary>
    /// <param name="session">The session whose catalog and hooks the run uses.</param>
    /// <param name="definition">The pipeline's graph; node and dataset indices refer to it.</param>
    /// <param name="options">The run's options.</param>
    protected PipelineExecution(Session session, PipelineDefinition definition, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        Session = session;
        Definition = definition;
        Options = options;
    }

    /// <summary>The session.</summary>
    public Session Session { get; }

    /// <summary>The pipeline's graph.</summary>
    public PipelineDefinition Definition { get; }

    /// <summary>The run's options.</summary>
    public RunOptions Options { get; }

    /// <summary>The run, once started: hooks, run id, loads and saves go through it.</summary>
    public RunContext Run { get; private set; }

    /// <summary>Whether <see cref="RunAllAsync"/> is available: the pipeline needs no runtime input.</summary>
    public virtual bool CanRunAll => false;

    /// <summary>Runs node <paramref name="node"/> (an index into <see cref="PipelineDefinition.Nodes"/>): reads its inputs' fields, calls it, stores and saves its outputs.</summary>
    /// <param name="node">The node's index.</param>
    /// <param name="cancellationToken">Passed to the node if it takes one.</param>
    public abstract ValueTask RunNodeAsync(int node, CancellationToken cancellationToken);

    /// <summary>Loads dataset <paramref name="dataset"/> into its field: from <see cref="RunOptions.Inputs"/> when given there, else from the catalog.</summary>
    /// <param name="dataset">The dataset's index in <see cref="PipelineDefinition.Datasets"/>.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public abstract ValueTask LoadAsync(int dataset, CancellationToken cancellationToken);

    /// <summary>Whether persisted dataset <paramref name="dataset"/> has data (<see cref="IDataset{T}.Exists"/>); false for others.</summary>
    /// <param name="dataset">The dataset's index.</param>
    public abstract bool Exists(int dataset);

    /// <summary>Forgets the run's value of dataset <paramref name="dataset"/>, so that it can be garbage collected.</summary>
    /// <param name="dataset">The dataset's index.</param>
    public abstract void Release(int dataset);

    /// <summary>Runs every node with the pipeline's straight-line <c>RunAsync</c>, which starts its own run.</summary>
    /// <param name="runId">The run's id.</param>
    /// <param name="cancellationToken">Observed between nodes and passed to nodes that take one.</param>
    public virtual ValueTask RunAllAsync(string runId, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"Pipeline '{Definition.Name}' cannot run all its nodes without its runtime inputs.");

    /// <summary>The value of <c>${runtime:<paramref name="name"/>}</c> in <see cref="RunOptions.RuntimeValues"/>, or null.</summary>
    protected string? RuntimeValue(string name) => Options.RuntimeValues.TryGetValue(name, out var value) ? value : null;

    /// <summary>The in-memory data for <paramref name="dataset"/> in <see cref="RunOptions.Inputs"/>, if given.</summary>
    /// <exception cref="ArgumentException">The value given is not a <typeparamref name="T"/>.</exception>
    protected bool TryGetInput<T>(string dataset, out T value)
    {
        if (!Options.Inputs.TryGetValue(dataset, out var given))
        {
            value = default!;
            return false;
        }

        if (given is T typed || (given is null && default(T) is null))
        {
            value = (T)given!;
            return true;
        }

        throw new ArgumentException(
            $"RunOptions.Inputs['{dataset}'] is {(given is null ? "null" : $"a {given.GetType()}")}, but pipeline '{Definition.Name}' reads '{dataset}' as {typeof(T)}.",
            nameof(dataset));
    }

    /// <summary>The in-memory data for <paramref name="dataset"/> in <see cref="RunOptions.Inputs"/>, which must be given (a runtime input, or an in-memory dataset no selected node produces).</summary>
    /// <exception cref="PipelineSelectionException">It is not given.</exception>
    protected T RequireInput<T>(string dataset) => TryGetInput<T>(dataset, out var value)
        ? value
        : throw new PipelineSelectionException($"Pipeline '{Definition.Name}' needs '{dataset}' in RunOptions.Inputs: it is not in the catalog and no node of the run produces it.");

    internal void Begin(string runId) => Run = Session.StartRun(Definition.Name, runId);
}
