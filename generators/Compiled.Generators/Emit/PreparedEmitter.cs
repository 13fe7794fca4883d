using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpNames;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits a pipeline's <c>Prepare</c> and the <c>Prepared</c> run it returns (docs/prepared-runs.md): the pipeline's
/// artifacts loaded and its parameter values read once, into readonly fields that the prepared <c>Run</c> passes to the
/// nodes, as code written by hand would hold a model. Only for a pipeline whose synchronous <c>Run</c> loads and saves
/// nothing through the catalog and that declares an artifact: what a server holding its model runs.
/// </summary>
internal static class PreparedEmitter
{
    /// <summary>The nested class a pipeline's <c>Prepare</c> returns.</summary>
    private const string PreparedType = "Prepared";

    /// <summary>
    /// A pipeline gets <c>Prepare</c> when its runs are in memory (no asynchronous node, no catalog load or save: runtime
    /// inputs, artifacts, parameters and in-memory datasets) and it declares at least one artifact.
    /// </summary>
    public static bool Applies(PipelineModel pipeline) =>
        !pipeline.HasErrors && !pipeline.HasAsyncNodes && !PipelineEmitter.AccessesCatalog(pipeline) && PipelineEmitter.Artifacts(pipeline).Count > 0;

    /// <summary>Writes <c>Prepare</c> and the <c>Prepared</c> class into the pipeline's partial class.</summary>
    /// <param name="parameterFields">The pipeline's fields of the session's parameter values: one prepared field each.</param>
    public static void Write(SourceWriter w, PipelineOutputModel output, List<ParameterField> parameterFields)
    {
        var pipeline = output.Pipeline;
        var pipelineType = Qualified(pipeline.Namespace, pipeline.ClassName);
        var artifacts = PipelineEmitter.Artifacts(pipeline);
        var fields = new UniqueNameBuilder(["_pipeline", "_parameters", "_hasHooks"]);
        var artifactFields = artifacts.ToDictionary(
            a => a.Name, a => fields.Of("artifact " + a.Name, "_" + Naming.ToCamelCase(a.Name).TrimStart('@')), StringComparer.Ordinal);
        var valueFields = parameterFields.ToDictionary(f => f.Key, f => fields.Of("parameter " + f.Key, f.Field), StringComparer.Ordinal);

        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// Loads the artifacts of <c>{Xml(pipeline.Name)}</c> now ({string.Join(", ", artifacts.Select(a => $"<c>{Xml(a.Name)}</c>"))}), through the session's slots");
        w.Line("/// (shared with its runs: loaded once, a failed load kept by no one), and reads the parameter values its nodes bind: a");
        w.Line($"/// <see cref=\"{PreparedType}\"/> whose runs call the nodes with them, for a caller that runs the pipeline many times.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"parameters\">The parameters of every prepared run; the session's when null.</param>");
        w.Line("/// <exception cref=\"global::Compiled.DatasetException\">An artifact could not be loaded; names it. Nothing was kept: call again.</exception>");
        w.Line("/// <exception cref=\"global::System.ObjectDisposedException\">The session is disposed.</exception>");
        w.Line($"public {PreparedType} Prepare({output.ParametersType}? parameters = null) => new(this, parameters ?? {GeneratedNames.SessionField}.Parameters);");
        w.Line();

        w.Line("/// <summary>");
        w.Line($"/// <c>{Xml(pipeline.Name)}</c> ready to run (<see cref=\"Prepare\"/>): its artifacts and the parameter values its nodes bind,");
        w.Line("/// held in readonly fields. It keeps them: a <c>Release</c> of an artifact does not reach it (prepare again to run with");
        w.Line("/// the artifact loaded anew). Runs with the session's hooks or a cancellable token call the hooks and check the token");
        w.Line("/// around every node, as <c>Run</c> does. Thread-safe.");
        w.Line("/// </summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"public sealed class {PreparedType}");
        w.Line($"private readonly {pipelineType} _pipeline;");
        w.Line($"private readonly {output.ParametersType} _parameters;");
        w.Line("private readonly bool _hasHooks;");
        foreach (var artifact in artifacts)
        {
            w.Line($"private readonly {artifact.Entry!.DataType.Name} {artifactFields[artifact.Name]};");
        }

        foreach (var field in parameterFields)
        {
            w.Line($"private readonly {field.TypeName} {valueFields[field.Key]};");
        }

        w.Line();
        w.Line("/// <summary>Loads the pipeline's artifacts (or takes the session's loaded copies) and reads the parameter values.</summary>");
        w.Open($"internal {PreparedType}({pipelineType} pipeline, {output.ParametersType} parameters)");
        w.Line("_pipeline = pipeline;");
        w.Line("_parameters = parameters;");
        w.Line("_hasHooks = pipeline._hasHooks;");
        foreach (var artifact in artifacts)
        {
            w.Line($"{artifactFields[artifact.Name]} = pipeline.{GeneratedNames.SessionField}.PrepareArtifact(pipeline.{PipelineEmitter.ArtifactField(artifact)}, Name);");
        }

        foreach (var field in parameterFields)
        {
            w.Line($"{valueFields[field.Key]} = parameters.{field.Members};");
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>The parameters of every prepared run.</summary>");
        w.Line($"public {output.ParametersType} Parameters => _parameters;");
        w.Line();

        // Run's parameters but the parameters record, which the prepared run holds (an in-memory pipeline has no runtime
        // values and no catalog inputs to override).
        var arguments = PipelineEmitter.Parameters(pipeline, output, byReference: true).Where(p => p.Name != "parameters").ToList();
        var declarations = string.Join(", ", arguments.Select(a => a.Declaration));
        var required = string.Join(", ", arguments.Select(a => a.Required));
        var names = string.Join(", ", arguments.Select(a => a.Name));
        var context = new BodyContext($"_pipeline.{GeneratedNames.SessionField}", $"_pipeline.{PipelineEmitter.FailRunMethod}")
        {
            ArtifactFields = artifactFields,
            ParameterFields = valueFields,
        };

        w.Line("/// <summary>");
        w.Line($"/// Runs <c>{Xml(pipeline.Name)}</c> with the prepared artifacts and parameters: {string.Join(", ", pipeline.Nodes.Select(n => $"<c>{Xml(n.Name)}</c>"))}.");
        w.Line("/// </summary>");
        foreach (var input in pipeline.RuntimeInputs)
        {
            w.Line($"/// <param name=\"{input.ParameterName.TrimStart('@')}\">The runtime input <c>{Xml(input.Dataset)}</c>.</param>");
        }

        w.Line("/// <param name=\"runId\">The run's id; a new unique id when null.</param>");
        w.Line("/// <param name=\"cancellationToken\">Observed between nodes and passed to nodes that take one.</param>");
        w.Line(pipeline.AttributeFailures
            ? "/// <exception cref=\"global::Compiled.PipelineRunException\">A node failed; names the node, the run and what did not run.</exception>"
            : "/// <exception cref=\"global::Compiled.PipelineRunException\">A node failed in a run with hooks or a cancellable token; without either, the node's own exception (<c>AttributeFailures = false</c>).</exception>");
        w.Open($"public {GeneratedNames.ResultType} Run({declarations})");
        w.Open("if (_hasHooks || cancellationToken.CanBeCanceled)");
        w.Line($"return RunObserved({names});");
        w.Close();
        w.Line();
        PipelineEmitter.WriteBody(w, pipeline, parameterFields, isAsync: false, observed: false, context);
        w.Close();
        w.Line();
        w.Line("/// <summary>Runs like <see cref=\"Run\"/>, calling the session's hooks and checking <paramref name=\"cancellationToken\"/> around every node.</summary>");
        w.Open($"private {GeneratedNames.ResultType} RunObserved({required})");
        PipelineEmitter.WriteBody(w, pipeline, parameterFields, isAsync: false, observed: true, context);
        w.Close();
        w.Close();
    }
}
