namespace Compiled.Pipelines;

/// <summary>
/// Which nodes of a pipeline a run takes: Kedro's <c>Pipeline.filter</c> arguments and <c>kedro run</c> flags.
/// Each non-empty criterion selects a set of nodes from the whole pipeline; the run takes their intersection.
/// An empty filter takes every node.
/// </summary>
public sealed record NodeFilter
{
    /// <summary>Every node.</summary>
    public static NodeFilter All { get; } = new();

    /// <summary>Nodes with any of these tags (<c>--tags</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Exactly these nodes (<c>--nodes</c>).</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];

    /// <summary>These nodes and every node that depends on them, directly or transitively (<c>--from-nodes</c>).</summary>
    public IReadOnlyList<string> FromNodes { get; init; } = [];

    /// <summary>These nodes and every node they depend on, directly or transitively (<c>--to-nodes</c>).</summary>
    public IReadOnlyList<string> ToNodes { get; init; } = [];

    /// <summary>The nodes that read these datasets, and every node that depends on those (<c>--from-inputs</c>).</summary>
    public IReadOnlyList<string> FromInputs { get; init; } = [];

    /// <summary>The nodes needed to produce these datasets, directly or transitively (<c>--to-outputs</c>).</summary>
    public IReadOnlyList<string> ToOutputs { get; init; } = [];

    /// <summary>The nodes in these namespaces or namespaces nested in them (<c>--namespaces</c>).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Whether the filter takes every node.</summary>
    public bool IsEmpty => Tags.Count == 0 && Nodes.Count == 0 && FromNodes.Count == 0 && ToNodes.Count == 0 &&
        FromInputs.Count == 0 && ToOutputs.Count == 0 && Namespaces.Count == 0;

    /// <inheritdoc />
    public bool Equals(NodeFilter? other) =>
        other is not null && Tags.SequenceEqual(other.Tags) && Nodes.SequenceEqual(other.Nodes) &&
        FromNodes.SequenceEqual(other.FromNodes) && ToNodes.SequenceEqual(other.ToNodes) &&
        FromInputs.SequenceEqual(other.FromInputs) && ToOutputs.SequenceEqual(other.ToOutputs) &&
        Namespaces.SequenceEqual(other.Namespaces);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Tags.Count, Nodes.Count, FromNodes.Count, ToNodes.Count, FromInputs.Count, ToOutputs.Count, Namespaces.Count);
}
