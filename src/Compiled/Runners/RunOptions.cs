using Compiled.Pipelines;

namespace Compiled.Runners;

/// <summary>Which runner executes the nodes of a run.</summary>
public enum RunnerKind
{
    /// <summary>One node at a time, in run order (Kedro's <c>SequentialRunner</c>).</summary>
    Sequential,

    /// <summary>
    /// Every node whose inputs are ready runs at once, up to <see cref="RunOptions.MaxDegreeOfParallelism"/>
    /// (Kedro's <c>ThreadRunner</c>): independent nodes that wait on I/O overlap.
    /// </summary>
    Parallel,
}

/// <summary>How <c>ExecuteAsync</c> runs a pipeline: which nodes, with which runner, parameters and run id.</summary>
public sealed record RunOptions
{
    /// <summary>Every node, sequentially, with the session's parameters.</summary>
    public static RunOptions Default { get; } = new();

    /// <summary>Which nodes run; every node when empty.</summary>
    public NodeFilter Filter { get; init; } = NodeFilter.All;

    /// <summary>The runner.</summary>
    public RunnerKind Runner { get; init; } = RunnerKind.Sequential;

    /// <summary>
    /// The most nodes the parallel runner runs at once; defaults to the processor count plus 4 (the default
    /// of Python's <c>ThreadPoolExecutor</c>, which Kedro's <c>ThreadRunner</c> uses), at most 32.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Skip the nodes whose persisted outputs all exist, unless a node that runs needs one of their outputs
    /// that is not persisted or missing (Kedro's <c>--only-missing-outputs</c>).
    /// </summary>
    public bool OnlyMissingOutputs { get; init; }

    /// <summary>The run's id; a new unique id when null.</summary>
    public string? RunId { get; init; }

    /// <summary>Parameter overrides, each <c>path=value</c> (<c>model_options.test_size=0.3</c>), applied in order.</summary>
    public IReadOnlyList<string> ParameterOverrides { get; init; } = [];

    /// <summary>Values for the catalog's <c>${runtime:name}</c> placeholders, by name.</summary>
    public IReadOnlyDictionary<string, string> RuntimeValues { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// In-memory data by dataset name: the pipeline's runtime inputs, catalog inputs to use instead of loading
    /// them, and in-memory datasets a partial run needs but does not produce.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Inputs { get; init; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>The parallel runner's bound: <see cref="MaxDegreeOfParallelism"/> or its default.</summary>
    public int EffectiveDegreeOfParallelism => MaxDegreeOfParallelism is > 0 and var value
        ? value
        : Math.Min(32, Environment.ProcessorCount + 4);
}

/// <summary>What a run of <c>ExecuteAsync</c> did.</summary>
/// <param name="PipelineName">The pipeline.</param>
/// <param name="RunId">The run's id.</param>
/// <param name="NodesRun">The nodes that ran, in the order they completed.</param>
/// <param name="NodesSkipped">The selected nodes skipped because their persisted outputs exist (<see cref="RunOptions.OnlyMissingOutputs"/>).</param>
/// <param name="Elapsed">The run's duration.</param>
public sealed record RunSummary(string PipelineName, string RunId, IReadOnlyList<string> NodesRun, IReadOnlyList<string> NodesSkipped, TimeSpan Elapsed);

/// <summary>A node that failed in a run, and why.</summary>
/// <param name="NodeName">The node.</param>
/// <param name="Exception">What it (or the loading or saving of its data) threw.</param>
public sealed record NodeFailure(string NodeName, Exception Exception);
