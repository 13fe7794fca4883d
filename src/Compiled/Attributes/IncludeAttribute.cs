namespace Compiled;

/// <summary>
/// Reuses another pipeline's nodes in a <see cref="PipelineAttribute"/> pipeline, optionally under a
/// namespace and with its inputs, outputs and parameters renamed: Kedro's
/// <c>pipeline(pipe, namespace=…, inputs=…, outputs=…, parameters=…, tags=…)</c>.
/// </summary>
/// <remarks>
/// <para>With a <see cref="Namespace"/>, every node of the included pipeline is renamed
/// <c>namespace.node</c> and belongs to that namespace, and every dataset and parameter it names gets the
/// <c>namespace.</c> prefix, except the names listed in <see cref="Inputs"/>, <see cref="Outputs"/> and
/// <see cref="Parameters"/>: an entry <c>"name"</c> keeps the name as it is, an entry <c>"name=new_name"</c>
/// renames it (to exactly <c>new_name</c>, no prefix).</para>
/// <para>Kedro's checks apply: every name listed must exist in the included pipeline, <see cref="Inputs"/>
/// may only name its free inputs (datasets none of its nodes produce), and <see cref="Outputs"/> may not name
/// a free input.</para>
/// </remarks>
/// <example>
/// <code>
/// [Pipeline(Name = "data_science")]
/// [Include(typeof(ModelPipeline), Namespace = "active_modelling_pipeline", Inputs = ["model_input_table"])]
/// [Include(typeof(ModelPipeline), Namespace = "candidate_modelling_pipeline", Inputs = ["model_input_table"])]
/// public sealed partial class DataSciencePipeline;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class IncludeAttribute : Attribute
{
    /// <summary>Includes the nodes of <paramref name="pipeline"/>: a <see cref="PipelineAttribute"/> class or a class of <see cref="NodeAttribute"/> methods.</summary>
    public IncludeAttribute(Type pipeline) => Pipeline = pipeline;

    /// <summary>The included pipeline: a <see cref="PipelineAttribute"/> class or a class of <see cref="NodeAttribute"/> methods.</summary>
    public Type Pipeline { get; }

    /// <summary>The namespace the included nodes are put in; their node, dataset and parameter names get it as a prefix.</summary>
    public string? Namespace { get; set; }

    /// <summary>Free inputs of the included pipeline kept as they are (<c>"name"</c>) or renamed (<c>"name=new_name"</c>) instead of prefixed.</summary>
    public string[]? Inputs { get; set; }

    /// <summary>Outputs of the included pipeline kept as they are (<c>"name"</c>) or renamed (<c>"name=new_name"</c>) instead of prefixed.</summary>
    public string[]? Outputs { get; set; }

    /// <summary>Parameter paths of the included pipeline kept as they are (<c>"model_options"</c>) or renamed (<c>"model_options=candidate_options"</c>) instead of prefixed.</summary>
    public string[]? Parameters { get; set; }

    /// <summary>Tags added to every included node.</summary>
    public string[]? Tags { get; set; }
}
