namespace Compiled.Pipelines;

/// <summary>One criterion of a <see cref="NodeFilter"/>: which filter a <see cref="PipelineSelectionException"/> is about.</summary>
public enum NodeFilterCriterion
{
    /// <summary><see cref="NodeFilter.Tags"/>.</summary>
    Tags,

    /// <summary><see cref="NodeFilter.Nodes"/>.</summary>
    Nodes,

    /// <summary><see cref="NodeFilter.FromNodes"/>.</summary>
    FromNodes,

    /// <summary><see cref="NodeFilter.ToNodes"/>.</summary>
    ToNodes,

    /// <summary><see cref="NodeFilter.FromInputs"/>.</summary>
    FromInputs,

    /// <summary><see cref="NodeFilter.ToOutputs"/>.</summary>
    ToOutputs,

    /// <summary><see cref="NodeFilter.Namespaces"/>.</summary>
    Namespaces,
}

/// <summary>How the runtime's messages name a <see cref="NodeFilterCriterion"/>: in the words of pipelines, not of a command line.</summary>
public static class NodeFilterCriterionNames
{
    /// <summary>The criterion in words: "tags", "node names", "from nodes", "to nodes", "from inputs", "to outputs", "namespaces".</summary>
    /// <param name="criterion">The criterion.</param>
    public static string Words(NodeFilterCriterion criterion) => criterion switch
    {
        NodeFilterCriterion.Tags => "tags",
        NodeFilterCriterion.Nodes => "node names",
        NodeFilterCriterion.FromNodes => "from nodes",
        NodeFilterCriterion.ToNodes => "to nodes",
        NodeFilterCriterion.FromInputs => "from inputs",
        NodeFilterCriterion.ToOutputs => "to outputs",
        NodeFilterCriterion.Namespaces => "namespaces",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "not a node filter criterion"),
    };
}
