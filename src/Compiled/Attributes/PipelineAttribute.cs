namespace Compiled;

/// <summary>
/// Declares a pipeline on a <c>partial</c> class: the <see cref="NodeAttribute"/> methods of the
/// given classes, and the nodes of the given <see cref="PipelineAttribute"/> classes (composition, Kedro's
/// <c>pipe1 + pipe2</c>), ordered by their data dependencies. <see cref="IncludeAttribute"/> adds more nodes,
/// namespaced and renamed. The generator adds <c>Run</c>/<c>RunAsync</c>, a typed <c>Result</c> and
/// <c>ExecuteAsync</c> (filtered, concurrent and resumable runs) to the class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PipelineAttribute : Attribute
{
    /// <summary>Declares a pipeline made of the nodes declared in <paramref name="nodeClasses"/> (classes of nodes, or other pipelines).</summary>
    public PipelineAttribute(params Type[] nodeClasses) => NodeClasses = nodeClasses;

    /// <summary>The classes whose <see cref="NodeAttribute"/> methods make up the pipeline, and pipelines whose nodes it includes.</summary>
    public Type[] NodeClasses { get; }

    /// <summary>
    /// The pipeline's name (as used by <c>--pipeline</c>); defaults to the class name without
    /// a <c>Pipeline</c> suffix, in snake_case. The pipeline named <c>default</c> (Kedro's <c>__default__</c>)
    /// runs when the command line names none.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>Free inputs supplied by the caller of each run as typed arguments of <c>Run</c>.</summary>
    public string[]? Inputs { get; set; }

    /// <summary>Catalog datasets loaded once on first use and shared by every run of the session.</summary>
    public string[]? Artifacts { get; set; }

    /// <summary>
    /// Whether a node's failure in a run without hooks is wrapped in a <see cref="PipelineRunException"/> naming the failed
    /// node, the run id and the nodes not run (the default, <see langword="true"/>). <see langword="false"/> trades that for
    /// speed on the hot path: the generated <c>Run</c> of a session without hooks and a token that cannot be cancelled is then
    /// the node calls alone, with no <c>try</c> region, and a node's exception reaches the caller as the node threw it.
    /// Runs with hooks, cancellable runs and node-by-node runs still attribute failures. See docs/unattributed-runs.md.
    /// </summary>
    public bool AttributeFailures { get; set; } = true;
}
