using Compiled.Pipelines;
using Xunit;

namespace Runs.Tests;

/// <summary>
/// Modular pipelines against Kedro's rules (kedro.pipeline.Pipeline, <c>namespace</c>: "A prefix to give to all dataset
/// names, except those explicitly named with the inputs/outputs arguments, and parameter references"; <c>_rename</c>:
/// a mapped name takes its new name, otherwise a parameter or dataset gets the prefix; <c>_copy_node</c>: the node's
/// namespace becomes <c>namespace</c>, or <c>namespace.inner</c>; <c>Node.name</c> is <c>namespace.name</c>).
/// </summary>
public sealed class NamespaceTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private static NodeDefinition Node(PipelineDefinition pipeline, string name) => pipeline.Nodes[pipeline.IndexOfNode(name)];

    /// <summary>Kedro, Node.name: inside a namespace a node is named "namespace.name".</summary>
    [Fact]
    public void Node_names_get_the_namespace_prefix_and_the_namespace()
    {
        var pipeline = ModellingPipeline.Definition;
        Assert.Equal(["active.split", "active.fit", "candidate.split", "candidate.fit"], pipeline.Nodes.Select(n => n.Name));
        Assert.Equal("active", Node(pipeline, "active.split").Namespace);
    }

    /// <summary>
    /// Kedro, Pipeline(inputs=…): "When str or set[str] is provided, the listed input names will stay the same"; every other
    /// dataset gets the prefix; Pipeline(outputs={"model": "candidate_model"}) maps an output to exactly the new name.
    /// </summary>
    [Fact]
    public void Datasets_get_the_prefix_except_the_listed_inputs_and_outputs()
    {
        var pipeline = ModellingPipeline.Definition;
        Assert.Equal(["table"], Node(pipeline, "active.split").Inputs);
        Assert.Equal(["active.train"], Node(pipeline, "active.split").Outputs);
        Assert.Equal(["active.model"], Node(pipeline, "active.fit").Outputs);
        Assert.Equal(["table"], Node(pipeline, "candidate.split").Inputs);
        Assert.Equal(["candidate_model"], Node(pipeline, "candidate.fit").Outputs);
    }

    /// <summary>
    /// Kedro, _rename: "if name refers to a single parameter and a namespace is given, apply prefix" (params:ratio →
    /// params:active.ratio) unless mapped (parameters={"ratio": "shared_ratio"} → params:shared_ratio, no prefix).
    /// </summary>
    [Fact]
    public void Parameters_get_the_prefix_unless_mapped()
    {
        var pipeline = ModellingPipeline.Definition;
        Assert.Equal(["active.ratio"], Node(pipeline, "active.split").Parameters);
        Assert.Equal(["shared_ratio"], Node(pipeline, "candidate.split").Parameters);
    }

    /// <summary>Kedro, Pipeline(tags=…): "Optional set of tags to be applied to all the pipeline nodes", kept beside their own.</summary>
    [Fact]
    public void Include_tags_are_added_to_the_nodes_own_tags()
    {
        var pipeline = ModellingPipeline.Definition;
        Assert.Equal(["split", "candidate"], Node(pipeline, "candidate.split").Tags);
        Assert.Equal(["split"], Node(pipeline, "active.split").Tags);
        Assert.Equal(["candidate.split", "candidate.fit"], pipeline.OnlyNodesWithTags("candidate").Select(n => n.Name));
    }

    /// <summary>
    /// Kedro, _copy_node: a namespaced pipeline inside another namespace gets "outer.inner" as its namespace, and every
    /// name the inner pipeline produced is prefixed again ("outer.candidate_model", "outer.shared_ratio").
    /// </summary>
    [Fact]
    public void Nested_namespaces_prefix_again()
    {
        var pipeline = NestedPipeline.Definition;
        Assert.Equal(["outer.active.split", "outer.active.fit", "outer.candidate.split", "outer.candidate.fit"], pipeline.Nodes.Select(n => n.Name));
        Assert.Equal("outer.active", Node(pipeline, "outer.active.split").Namespace);
        Assert.Equal(["outer.active.ratio"], Node(pipeline, "outer.active.split").Parameters);
        Assert.Equal(["outer.shared_ratio"], Node(pipeline, "outer.candidate.split").Parameters);
        Assert.Equal(["outer.candidate_model"], Node(pipeline, "outer.candidate.fit").Outputs);
        Assert.Equal(["table"], Node(pipeline, "outer.candidate.split").Inputs);
        Assert.Equal(["outer", "outer.active", "outer.candidate"], pipeline.Namespaces);
    }

    /// <summary>
    /// Kedro, only_nodes_with_namespaces: nodes whose namespace is the given one "or starts with" it followed by a dot;
    /// "ValueError: When pipeline contains no nodes with the specified namespaces".
    /// </summary>
    [Fact]
    public void Namespaces_filter_selects_the_namespace_and_the_namespaces_nested_in_it()
    {
        Assert.Equal(["outer.active.split", "outer.active.fit"], NestedPipeline.Definition.OnlyNodesWithNamespaces("outer.active").Select(n => n.Name));
        Assert.Equal(4, NestedPipeline.Definition.OnlyNodesWithNamespaces("outer").Count);
        Assert.Equal(["active.split", "active.fit"], ModellingPipeline.Definition.Filter(new NodeFilter { Namespaces = ["active"] }).Select(n => n.Name));
        // "act" is a prefix of "active" but not a namespace of it.
        var error = Assert.Throws<PipelineSelectionException>(() => ModellingPipeline.Definition.OnlyNodesWithNamespaces("act"));
        Assert.Equal("Pipeline 'modelling' does not contain nodes with the namespace 'act' (namespaces). Did you mean 'active'?", error.Message);
    }

    /// <summary>Kedro, only_nodes: an unknown name that is the name of a node inside a namespace suggests the full name.</summary>
    [Fact]
    public void A_node_name_without_its_namespace_suggests_the_namespaced_names()
    {
        var error = Assert.Throws<PipelineSelectionException>(() => ModellingPipeline.Definition.OnlyNodes("split"));
        Assert.Equal("Pipeline 'modelling' does not contain a node named 'split' (node names). Did you mean 'active.split' or 'candidate.split'?", error.Message);
    }

    /// <summary>Both instances run with their own parameters: active.ratio = 0.5 takes 4 of 8 rows, shared_ratio = 0.25 takes 2.</summary>
    [Fact]
    public async Task Both_instances_run_with_their_own_parameters()
    {
        var session = _project.CreateSession();
        var result = await session.Modelling.RunAsync();
        Assert.Equal(2.5, result.ActiveModel);       // mean of 1..4
        Assert.Equal(1.5, result.CandidateModel);    // mean of 1..2
        Assert.Equal(1.5, _project.ReadDouble("candidate_model")); // the renamed output is the catalog entry

        var nested = await session.Nested.RunAsync();
        Assert.Equal(3.5, nested.OuterActiveModel);  // outer.active.ratio = 0.75: 6 rows
        Assert.Equal(1.0, nested.OuterCandidateModel); // outer.shared_ratio = 0.125: 1 row

        // A filtered run of one namespace runs only its nodes.
        _project.Hook.Clear();
        await session.Modelling.ExecuteAsync(new() { Filter = new() { Namespaces = ["candidate"] } });
        Assert.Equal(["candidate.split", "candidate.fit"], _project.Hook.Started);
    }

    /// <summary>Kedro's __default__ as a composition: the default pipeline holds both pipelines' nodes.</summary>
    [Fact]
    public void The_default_pipeline_is_the_composition_of_two_pipelines()
    {
        Assert.Equal(
            VariancePipeline.Definition.Nodes.Select(n => n.Name).Concat(ModellingPipeline.Definition.Nodes.Select(n => n.Name)),
            DefaultPipeline.Definition.Nodes.Select(n => n.Name));
        var session = _project.CreateSession();
        Assert.Same(session.Default, session.FindPipeline("__default__"));
    }
}
