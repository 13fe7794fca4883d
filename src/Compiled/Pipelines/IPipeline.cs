using Compiled.Runners;

namespace Compiled.Pipelines;

/// <summary>
/// A pipeline of a session, without its types: what the command line and other generic callers need.
/// Every generated pipeline class implements it.
/// </summary>
public interface IPipeline
{
    /// <summary>The pipeline's graph.</summary>
    PipelineDefinition Definition { get; }

    /// <summary>The session whose catalog, parameters and hooks its runs use.</summary>
    Session Session { get; }

    /// <summary>
    /// Runs the nodes <paramref name="options"/> select, with its runner, parameter overrides and run id.
    /// A run of every node with the sequential runner is the generated straight-line <c>RunAsync</c>.
    /// </summary>
    /// <exception cref="PipelineSelectionException">The filters or inputs do not allow a run; no node ran.</exception>
    /// <exception cref="ParameterException">A parameter override names an unknown path or has a wrong value; no node ran.</exception>
    /// <exception cref="PipelineRunException">A node failed; lists what did not run and the command that resumes.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<RunSummary> ExecuteAsync(RunOptions options, CancellationToken cancellationToken = default);
}
