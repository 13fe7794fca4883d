using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpNames;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits a pipeline's <c>Prepare</c> and the <c>Prepared</c> run it returns (docs/prepared-runs.md): the pipeline's
/// artifacts loaded and its parameter values read once, into the readonly fields of a readonly struct that the prepared
/// <c>Run</c> passes to the nodes, as code written by hand would hold a model: a caller holding it in a field reads the
/// artifact at the same depth as its own model field (a class would add a dependent load per run). Only for a pipeline whose synchronous <c>Run</c> loads and saves
/// nothing through the catalog and that declares an artifact: what a server holding its model runs.
/// </summary>
internal static class PreparedEmitter
{
    /// <summary>The nested class a pipeline's <c>Prepare</c> returns.</summary>
    private const string PreparedType = "Prepared";

    /// <summary>The prepared run's field holding its pipeline (its session, its failure reports).</summary>
    private const string PipelineField = "_pipeline";

    /// <summary>The prepared run's field holding the parameters record it was prepared with.</summary>
    private const string ParametersField = "_parameters";

    /// <summary>The prepared run's field set by <c>Prepare</c> when the session has no hooks (false in a <c>default</c> value).</summary>
    private const string WithoutHooksField = "_withoutHooks";

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
        var fields = new UniqueNameBuilder([PipelineField, ParametersField, WithoutHooksField]);
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
        w.Line("/// around every node, as <c>Run</c> does. A readonly struct: hold it in a field (copies share the artifacts); thread-safe.");
        w.Line("/// A <c>default</c> value holds nothing: its runs throw <see cref=\"global::System.InvalidOperationException\"/>.");
        w.Line("/// </summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"public readonly struct {PreparedType}");
        w.Line($"private readonly {pipelineType} {PipelineField};");
        w.Line($"private readonly {output.ParametersType} {ParametersField};");
        w.Line();
        w.Line("// Prepared for a session without hooks: runs take the plain body. False in a default value, whose runs take the");
        w.Line("// observed body, which names the mistake: the one test every run makes anyway.");
        w.Line($"private readonly bool {WithoutHooksField};");
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
        w.Line($"{PipelineField} = pipeline;");
        w.Line($"{ParametersField} = parameters;");
        w.Line($"{WithoutHooksField} = !pipeline._hasHooks;");
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
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">A <c>default</c> value, not prepared.</exception>");
        w.Line($"public {output.ParametersType} Parameters => {ParametersField} ?? throw NotPrepared();");
        w.Line();

        // Run's parameters but the parameters record, which the prepared run holds (an in-memory pipeline has no runtime
        // values and no catalog inputs to override).
        var arguments = PipelineEmitter.Parameters(pipeline, output, byReference: true).Where(p => p.Name != "parameters").ToList();
        var declarations = string.Join(", ", arguments.Select(a => a.Declaration));
        var required = string.Join(", ", arguments.Select(a => a.Required));
        var names = string.Join(", ", arguments.Select(a => a.Name));
        var context = new BodyContext($"{PipelineField}.{GeneratedNames.SessionField}", $"{PipelineField}.{PipelineEmitter.FailRunMethod}")
        {
            ArtifactFields = artifactFields,
            ParameterFields = valueFields,
        };

        w.Line("/// <summary>");
        w.Line($"/// Runs <c>{Xml(pipeline.Name)}</c> with the prepared artifacts and parameters: {string.Join(", ", pipeline.Nodes.Select(n => $"<c>{Xml(n.Name)}</c>"))}.");
        w.Line("/// </summary>");
        PipelineEmitter.WriteRuntimeInputParams(w, pipeline);
        w.Line("/// <param name=\"runId\">The run's id; a new unique id when null.</param>");
        w.Line("/// <param name=\"cancellationToken\">Observed between nodes and passed to nodes that take one.</param>");
        w.Line(pipeline.AttributeFailures
            ? "/// <exception cref=\"global::Compiled.PipelineRunException\">A node failed; names the node, the run and what did not run.</exception>"
            : "/// <exception cref=\"global::Compiled.PipelineRunException\">A node failed in a run with hooks or a cancellable token; without either, the node's own exception (<c>AttributeFailures = false</c>).</exception>");
        w.Open($"public {GeneratedNames.ResultType} Run({declarations})");
        w.Open($"if (!{WithoutHooksField} || cancellationToken.CanBeCanceled)");
        w.Line($"return RunObserved({names});");
        w.Close();
        w.Line();
        PipelineEmitter.WriteBody(w, pipeline, parameterFields, isAsync: false, observed: false, context);
        w.Close();
        w.Line();
        w.Line("/// <summary>Runs like <see cref=\"Run\"/>, calling the session's hooks and checking <paramref name=\"cancellationToken\"/> around every node.</summary>");
        w.Open($"private {GeneratedNames.ResultType} RunObserved({required})");
        w.Line($"if ({PipelineField} is null) throw NotPrepared();");
        PipelineEmitter.WriteBody(w, pipeline, parameterFields, isAsync: false, observed: true, context);
        w.Close();
        w.Line();
        w.Line("/// <summary>The exception for a <c>default</c> value, which no <see cref=\"Prepare\"/> filled.</summary>");
        w.Line("private static global::System.InvalidOperationException NotPrepared() =>");
        w.Line($"    new({Literal($"This {pipeline.ClassName}.{PreparedType} is a default value and holds no artifacts: get one from the pipeline's Prepare().")});");
        w.Close();
    }
}
