namespace Compiled.Pipelines;

/// <summary>
/// A run cannot start with the nodes asked for: a filter names a node, dataset, tag or namespace the pipeline
/// does not have (the message suggests the closest name), the filters leave no node, or a node to run reads a
/// dataset that no selected node produces and that cannot be loaded. Thrown before any node runs.
/// </summary>
public sealed class PipelineSelectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the value and what was expected.</param>
    /// <param name="option">The filter or option at fault (<c>--from-nodes</c>), if one is.</param>
    public PipelineSelectionException(string message, string? option = null) : base(message) => Option = option;

    /// <summary>The filter or option at fault (<c>--from-nodes</c>, <c>--pipeline</c>), or null.</summary>
    public string? Option { get; }
}
