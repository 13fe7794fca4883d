using Compiled.Pipelines;
using Xunit;

namespace Runs.Tests;

/// <summary>
/// Each filter against Kedro's documented behaviour, on Kedro's own example (docs "Slice a pipeline":
/// len → n; mean_node(xs, n) → m [mean]; mean_sos(xs, n) → m2 [mean, variance]; variance_node(m, m2) → v [variance]).
/// The quoted rules are Kedro's docstrings of kedro.pipeline.Pipeline.
/// </summary>
public sealed class FilterTests
{
    private static readonly PipelineDefinition Pipeline = VariancePipeline.Definition;

    private static string[] Names(IEnumerable<NodeDefinition> nodes) => [.. nodes.Select(n => n.Name)];

    [Fact]
    public void The_definition_lists_the_nodes_in_run_order_with_their_inputs_outputs_and_tags()
    {
        Assert.Equal(["len", "mean_node", "mean_sos", "variance_node"], Names(Pipeline.Nodes));
        Assert.Equal(["xs", "n"], Pipeline.Nodes[1].Inputs);
        Assert.Equal(["mean", "variance"], Pipeline.Nodes[2].Tags);
        Assert.Equal(["xs"], Pipeline.Inputs.Select(d => d.Name));   // Kedro: Pipeline.inputs(), the free inputs
        Assert.Equal(["v"], Pipeline.Outputs.Select(d => d.Name));   // Kedro: Pipeline.outputs()
        Assert.Equal(DatasetStorage.Memory, Pipeline.Datasets[Pipeline.IndexOfDataset("n")].Storage);
        Assert.Equal(DatasetStorage.Persisted, Pipeline.Datasets[Pipeline.IndexOfDataset("m")].Storage);
    }

    /// <summary>Kedro, only_nodes_with_tags: "the nodes which contain *any* of the provided tags".</summary>
    [Fact]
    public void Tags_select_the_nodes_with_any_of_the_tags()
    {
        Assert.Equal(["mean_node", "mean_sos"], Names(Pipeline.OnlyNodesWithTags("mean")));
        Assert.Equal(["mean_node", "mean_sos", "variance_node"], Names(Pipeline.OnlyNodesWithTags("mean", "variance")));
    }

    /// <summary>Kedro, only_nodes: "a new Pipeline which will contain only the specified nodes by name".</summary>
    [Fact]
    public void Nodes_select_exactly_the_named_nodes() =>
        Assert.Equal(["mean_node", "variance_node"], Names(Pipeline.OnlyNodes("variance_node", "mean_node")));

    /// <summary>Kedro, from_nodes: "the nodes which depend directly or transitively on the provided nodes" (and the nodes themselves).</summary>
    [Fact]
    public void From_nodes_selects_the_nodes_and_everything_downstream()
    {
        Assert.Equal(["mean_node", "variance_node"], Names(Pipeline.FromNodes("mean_node")));
        Assert.Equal(["len", "mean_node", "mean_sos", "variance_node"], Names(Pipeline.FromNodes("len")));
    }

    /// <summary>Kedro, to_nodes: "the nodes required directly or transitively by the provided nodes" (and the nodes themselves).</summary>
    [Fact]
    public void To_nodes_selects_the_nodes_and_everything_upstream()
    {
        Assert.Equal(["len", "mean_node"], Names(Pipeline.ToNodes("mean_node")));
        Assert.Equal(["len", "mean_node", "mean_sos", "variance_node"], Names(Pipeline.ToNodes("variance_node")));
    }

    /// <summary>
    /// Kedro, from_inputs: "the nodes which depend directly or transitively on the provided inputs". The docs' example:
    /// full_pipeline.from_inputs("m2") is variance_node alone; from_inputs("n") is everything after len.
    /// </summary>
    [Fact]
    public void From_inputs_selects_the_readers_and_everything_downstream()
    {
        Assert.Equal(["variance_node"], Names(Pipeline.FromInputs("m2")));
        Assert.Equal(["mean_node", "mean_sos", "variance_node"], Names(Pipeline.FromInputs("n")));
    }

    /// <summary>
    /// Kedro, to_outputs: "the nodes which are directly or transitively required to produce the provided outputs".
    /// The docs' example: full_pipeline.to_outputs("m2") is len and mean_sos.
    /// </summary>
    [Fact]
    public void To_outputs_selects_the_producers_and_everything_upstream() =>
        Assert.Equal(["len", "mean_sos"], Names(Pipeline.ToOutputs("m2")));

    /// <summary>
    /// Kedro, filter: "the intersection of pipelines that meet each filtering condition. This is distinct from chaining
    /// multiple filters together." Its docstring example: filter(node_names=["node1", "node3"], from_inputs=["A"]) on
    /// A→node1→B→node2→C→node3→D gives node1 and node3; here: --nodes len,variance_node --from-inputs xs.
    /// </summary>
    [Fact]
    public void Combined_filters_take_the_intersection_in_any_order()
    {
        var filter = new NodeFilter { Nodes = ["len", "variance_node"], FromInputs = ["xs"] };
        Assert.Equal(["len", "variance_node"], Names(Pipeline.Filter(filter)));

        // --tags variance --to-nodes variance_node: {mean_sos, variance_node} ∩ everything = {mean_sos, variance_node}.
        Assert.Equal(["mean_sos", "variance_node"], Names(Pipeline.Filter(new NodeFilter { Tags = ["variance"], ToNodes = ["variance_node"] })));

        // --from-nodes mean_node --tags mean: {mean_node, variance_node} ∩ {mean_node, mean_sos} = {mean_node}.
        Assert.Equal(["mean_node"], Names(Pipeline.Filter(new NodeFilter { FromNodes = ["mean_node"], Tags = ["mean"] })));
    }

    /// <summary>Kedro, filter: "ValueError: The filtered Pipeline has no nodes" ("Pipeline contains no nodes after applying all provided filters").</summary>
    [Fact]
    public void Filters_that_leave_no_node_are_an_error()
    {
        var error = Assert.Throws<PipelineSelectionException>(() => Pipeline.Filter(new NodeFilter { Nodes = ["len"], Tags = ["variance"] }));
        Assert.Equal(
            "Pipeline 'variance' contains no nodes after applying all provided filters (tags variance node names len): " +
            "each filter selects from the whole pipeline and a run takes the nodes every filter selects.", error.Message);
        Assert.Null(error.Filter);
        Assert.Contains("(--tags variance --nodes len)", error.Describe(f => "--" + f.ToString().ToLowerInvariant()));
    }

    /// <summary>Kedro, only_nodes / from_nodes: "ValueError: When some invalid node name is given" — here with the closest name.</summary>
    [Fact]
    public void Unknown_names_are_errors_that_name_the_filter_in_domain_words_and_suggest_the_closest_name()
    {
        var node = Assert.Throws<PipelineSelectionException>(() => Pipeline.Filter(new NodeFilter { FromNodes = ["mean_nod"] }));
        Assert.Equal("Pipeline 'variance' does not contain a node named 'mean_nod' (from nodes). Did you mean 'mean_node'?", node.Message);
        Assert.Equal(NodeFilterCriterion.FromNodes, node.Filter);
        Assert.Equal("Pipeline 'variance' does not contain a node named 'mean_nod' (FromNodes). Did you mean 'mean_node'?", node.Describe(f => f.ToString()));

        var only = Assert.Throws<PipelineSelectionException>(() => Pipeline.Filter(new NodeFilter { Nodes = ["mean_nod"] }));
        Assert.Equal("Pipeline 'variance' does not contain a node named 'mean_nod' (node names). Did you mean 'mean_node'?", only.Message);
        Assert.Equal(NodeFilterCriterion.Nodes, only.Filter);

        var dataset = Assert.Throws<PipelineSelectionException>(() => Pipeline.Filter(new NodeFilter { ToOutputs = ["m3"] }));
        Assert.Equal("Pipeline 'variance' does not contain a dataset named 'm3' (to outputs). Did you mean 'm2'?", dataset.Message);
        Assert.Equal(NodeFilterCriterion.ToOutputs, dataset.Filter);

        // Kedro returns no node for an unknown tag; here it is an error with the closest tag, so a typo is not silent.
        var tag = Assert.Throws<PipelineSelectionException>(() => Pipeline.Filter(new NodeFilter { Tags = ["varience"] }));
        Assert.Equal("Pipeline 'variance' has no node tagged 'varience' (tags). Did you mean 'variance'?", tag.Message);
        Assert.Equal(NodeFilterCriterion.Tags, tag.Filter);
    }
}
