using Compiled.Pipelines;

namespace Compiled.Cli;

/// <summary>The command line's flag for each node filter criterion: <c>run</c> declares its options with them and names them in errors.</summary>
internal static class FilterFlags
{
    /// <summary>The flag of <paramref name="criterion"/> (<c>--from-nodes</c>), as Kedro's <c>kedro run</c> spells it.</summary>
    public static string Of(NodeFilterCriterion criterion) => criterion switch
    {
        NodeFilterCriterion.Tags => "--tags",
        NodeFilterCriterion.Nodes => "--nodes",
        NodeFilterCriterion.FromNodes => "--from-nodes",
        NodeFilterCriterion.ToNodes => "--to-nodes",
        NodeFilterCriterion.FromInputs => "--from-inputs",
        NodeFilterCriterion.ToOutputs => "--to-outputs",
        NodeFilterCriterion.Namespaces => "--namespaces",
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "not a node filter criterion"),
    };
}
