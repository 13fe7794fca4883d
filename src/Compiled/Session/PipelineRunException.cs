namespace Compiled;

/// <summary>
/// A run failed: a node threw, or a dataset it needed could not be loaded or saved. Names the
/// pipeline, the node and the run, lists the nodes that did not run and says how to resume.
/// The original exception is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class PipelineRunException : Exception
{
    /// <summary>Creates the exception for a failure of <paramref name="nodeName"/>.</summary>
    public PipelineRunException(string pipelineName, string nodeName, string runId, IReadOnlyList<string> notRun, Exception innerException)
        : base(Describe(pipelineName, nodeName, runId, notRun, innerException), innerException)
    {
        PipelineName = pipelineName;
        NodeName = nodeName;
        RunId = runId;
        NotRun = notRun;
    }

    /// <summary>The pipeline that was running.</summary>
    public string PipelineName { get; }

    /// <summary>The node that failed (or whose input or output failed).</summary>
    public string NodeName { get; }

    /// <summary>The failed run's id.</summary>
    public string RunId { get; }

    /// <summary>The nodes that did not complete, in run order, starting with the failed one.</summary>
    public IReadOnlyList<string> NotRun { get; }

    /// <summary>How to run what did not run: <c>run --pipeline … --from-nodes …</c>.</summary>
    public string ResumeCommand => $"run --pipeline {PipelineName} --from-nodes {NodeName}";

    private static string Describe(string pipelineName, string nodeName, string runId, IReadOnlyList<string> notRun, Exception inner) =>
        $"Node '{nodeName}' of pipeline '{pipelineName}' failed (run {runId}): {inner.Message}{System.Environment.NewLine}" +
        $"Nodes not run: {string.Join(", ", notRun)}.{System.Environment.NewLine}" +
        $"To resume from the failed node: run --pipeline {pipelineName} --from-nodes {nodeName}";
}
