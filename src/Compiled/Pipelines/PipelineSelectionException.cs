namespace Compiled.Pipelines;

/// <summary>
/// A run cannot start with the nodes asked for: a filter names a node, dataset, tag or namespace the pipeline
/// does not have (the message suggests the closest name), the filters leave no node, or a node to run reads a
/// dataset that no selected node produces and that cannot be loaded. Thrown before any node runs.
/// The message names filters in the words of pipelines ("from nodes"); <see cref="Describe"/> says it with the
/// caller's own names for them (a command line's flags).
/// </summary>
public sealed class PipelineSelectionException : Exception
{
    private readonly Func<Func<NodeFilterCriterion, string>, string>? _describe;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the value and what was expected.</param>
    public PipelineSelectionException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception for a problem whose message names one or more filters.</summary>
    /// <param name="filter">The filter at fault, if one is.</param>
    /// <param name="describe">The message, given how to name a filter.</param>
    internal PipelineSelectionException(NodeFilterCriterion? filter, Func<Func<NodeFilterCriterion, string>, string> describe)
        : base(describe(NodeFilterCriterionNames.Words))
    {
        Filter = filter;
        _describe = describe;
    }

    /// <summary>The filter at fault (the one that names a node the pipeline does not have), or null.</summary>
    public NodeFilterCriterion? Filter { get; }

    /// <summary>The message, with each filter it mentions named by <paramref name="filterName"/> (e.g. a command line's flag).</summary>
    /// <param name="filterName">The caller's name for a filter.</param>
    public string Describe(Func<NodeFilterCriterion, string> filterName)
    {
        ArgumentNullException.ThrowIfNull(filterName);
        return _describe?.Invoke(filterName) ?? Message;
    }
}
