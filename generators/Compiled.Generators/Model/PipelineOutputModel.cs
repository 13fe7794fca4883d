namespace Compiled.Generators.Model;

/// <summary>
/// What one pipeline's generated files (<c>{Pipeline}.g.cs</c>, <c>.Steps.g.cs</c>, <c>.Contract.g.cs</c>, <c>.Remote.g.cs</c>)
/// need: its plan and the few project facts its code names. One value per pipeline, compared by value, so that an edit
/// regenerates only the files of the pipelines it changes. No diagnostics: the analyzers report them.
/// </summary>
/// <param name="ParametersType">The generated parameters record, <c>global::Ns.ProjectParameters</c>.</param>
/// <param name="NodeSources">Where the pipeline's nodes are declared.</param>
/// <param name="ParameterValues">The parameter paths the pipeline's nodes bind, with their <c>conf/base</c> values.</param>
internal sealed record PipelineOutputModel(
    ProjectInfo Info,
    string ParametersType,
    PipelineModel Pipeline,
    EquatableArray<NodeSourceModel> NodeSources,
    EquatableArray<ParameterValueModel> ParameterValues)
{
    /// <summary>The hint name every file of the pipeline starts with: <c>Ns.ClassName</c>.</summary>
    public string HintName => string.IsNullOrEmpty(Pipeline.Namespace) ? Pipeline.ClassName : $"{Pipeline.Namespace}.{Pipeline.ClassName}";

    /// <summary>One model per pipeline of <paramref name="project"/>, each with only its own nodes' sources and parameters.</summary>
    public static IEnumerable<PipelineOutputModel> From(ProjectModel project) =>
        project.Pipelines.Select(pipeline =>
        {
            var methods = new HashSet<string>(pipeline.Nodes.Select(n => n.Method), StringComparer.Ordinal);
            var paths = new HashSet<string>(pipeline.Nodes.SelectMany(n => n.Parameters), StringComparer.Ordinal);
            return new PipelineOutputModel(project.Info, project.Parameters.TypeName, pipeline,
                project.NodeSources.Where(s => methods.Contains(s.Method)).ToEquatableArray(),
                project.ParameterValues.Where(p => paths.Contains(p.Path)).ToEquatableArray());
        });
}
