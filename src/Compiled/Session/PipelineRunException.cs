using Compiled.Runners;

namespace Compiled;

/// <summary>
/// A run failed: a node threw, or a dataset it needed could not be loaded or saved. Names the
/// pipeline, the node (every node, when nodes running together failed) and the run, lists the nodes
/// that did not run and gives the command that resumes from the nearest nodes whose inputs are persisted.
/// The original exception is the <see cref="Exception.InnerException"/> (an <see cref="AggregateException"/>
/// when several nodes failed).
/// </summary>
public sealed class PipelineRunException : Exception
{
    /// <summary>Creates the exception for a failure of <paramref name="nodeName"/>.</summary>
    public PipelineRunException(string pipelineName, string nodeName, string runId, IReadOnlyList<string> notRun, Exception innerException)
        : this(pipelineName, [new NodeFailure(nodeName, innerException)], runId, notRun)
    {
    }

    /// <summary>Creates the exception for the failures of nodes that ran together.</summary>
    /// <param name="pipelineName">The pipeline.</param>
    /// <param name="failures">Every node that failed, with its exception; at least one.</param>
    /// <param name="runId">The run's id.</param>
    /// <param name="notRun">The nodes that did not complete, in run order.</param>
    public PipelineRunException(string pipelineName, IReadOnlyList<NodeFailure> failures, string runId, IReadOnlyList<string> notRun)
        : base(null, Inner(failures))
    {
        PipelineName = pipelineName;
        Failures = failures;
        NodeName = failures[0].NodeName;
        RunId = runId;
        NotRun = notRun;
        ResumeFromNodes = [NodeName];
        ResumeCommand = $"run --pipeline {pipelineName} --from-nodes {NodeName}";
    }

    /// <summary>The pipeline that was running.</summary>
    public string PipelineName { get; }

    /// <summary>The node that failed (or whose input or output failed); the first one when several did.</summary>
    public string NodeName { get; }

    /// <summary>Every node that failed, with what it threw.</summary>
    public IReadOnlyList<NodeFailure> Failures { get; }

    /// <summary>The failed run's id.</summary>
    public string RunId { get; }

    /// <summary>The nodes that did not complete, in run order.</summary>
    public IReadOnlyList<string> NotRun { get; }

    /// <summary>
    /// The nodes a new run starts from to run everything that did not run: the unfinished nodes, moved up to the
    /// producers of any input that was not persisted (Kedro's resume suggestion).
    /// </summary>
    public IReadOnlyList<string> ResumeFromNodes { get; private set; }

    /// <summary>
    /// The command-line arguments that resume the run: <c>run --pipeline … --env … --from-nodes …</c> with the failed
    /// run's other options (filters, <c>--params</c>, <c>--runner</c>, …), quoted for a POSIX shell. Runs started from the
    /// command line or with <c>ExecuteAsync</c> give every option; a typed parameters record passed in code cannot be
    /// written as <c>--params</c>.
    /// </summary>
    public string ResumeCommand { get; private set; }

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var newline = System.Environment.NewLine;
            var head = Failures.Count == 1
                ? $"Node '{NodeName}' of pipeline '{PipelineName}' failed (run {RunId}): {Failures[0].Exception.Message}"
                : $"{Failures.Count} nodes of pipeline '{PipelineName}' failed (run {RunId}):" +
                  string.Concat(Failures.Select(f => $"{newline}  {f.NodeName}: {f.Exception.Message}"));
            return head + newline +
                $"Nodes not run: {string.Join(", ", NotRun)}." + newline +
                $"To resume: {ResumeCommand}";
        }
    }

    internal void SetResume(ResumeInfo resume)
    {
        ResumeFromNodes = resume.StartNodes;
        ResumeCommand = resume.Command;
    }

    private static Exception Inner(IReadOnlyList<NodeFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0) throw new ArgumentException("At least one node failed.", nameof(failures));
        return failures.Count == 1 ? failures[0].Exception : new AggregateException(failures.Select(f => f.Exception));
    }
}
