using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpNames;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits a pipeline's <c>Prepare</c> and the <c>Prepared</c> run it returns (docs/prepared-runs.md): the pipeline's
/// artifacts loaded and its parameter values read once, into the readonly fields of a readonly struct that the prepared
/// <c>Run</c> passes to the nodes, as code written by hand would hold a model: a caller holding it in a field reads the
/// artifact at the same depth as its own model field (a class would add a dependent load per run). Beside it,
/// <c>PrepareUnobserved</c> and its <c>PreparedUnobserved</c>: the same values, for a session without hooks, and a <c>Run</c>
/// that is the node calls alone. Only for a pipeline whose synchronous <c>Run</c> loads and saves nothing through the
/// catalog and that declares an artifact: what a server holding its model runs.
/// </summary>
internal static class PreparedEmitter
{
    /// <summary>The nested struct a pipeline's <c>Prepare</c> returns.</summary>
    private const string PreparedType = "Prepared";

    /// <summary>The nested struct a pipeline's <c>PrepareUnobserved</c> returns.</summary>
    private const string UnobservedType = "PreparedUnobserved";

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

    /// <summary>
    /// Writes <c>Prepare</c> and the <c>Prepared</c> struct into the pipeline's partial class, then
    /// <c>PrepareUnobserved</c> and the <c>PreparedUnobserved</c> struct.
    /// </summary>
    /// <param name="parameterFields">The pipeline's fields of the session's parameter values: one prepared field each.</param>
    public static void Write(SourceWriter w, PipelineOutputModel output, List<ParameterField> parameterFields)
    {
        WritePrepared(w, output, parameterFields);
        WriteUnobserved(w, output, parameterFields);
    }

    private static void WritePrepared(SourceWriter w, PipelineOutputModel output, List<ParameterField> parameterFields)
    {
        var pipeline = output.Pipeline;
        var held = HeldValues.Of(pipeline, parameterFields, [PipelineField, ParametersField, WithoutHooksField]);

        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// Loads the artifacts of <c>{Xml(pipeline.Name)}</c> now ({ArtifactList(held)}), through the session's slots");
        w.Line("/// (shared with its runs: loaded once, a failed load kept by no one), and reads the parameter values its nodes bind: a");
        w.Line($"/// <see cref=\"{PreparedType}\"/> whose runs call the nodes with them, for a caller that runs the pipeline many times.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"parameters\">The parameters of every prepared run; the session's when null.</param>");
        WritePrepareExceptions(w);
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
        WritePipelineFields(w, output, holdsPipeline: true);
        w.Line();
        w.Line("// Prepared for a session without hooks: runs take the plain body. False in a default value, whose runs take the");
        w.Line("// observed body, which names the mistake: the one test every run makes anyway.");
        w.Line($"private readonly bool {WithoutHooksField};");
        WriteHeldFields(w, held, parameterFields);
        w.Line();
        w.Line("/// <summary>Loads the pipeline's artifacts (or takes the session's loaded copies) and reads the parameter values.</summary>");
        w.Open($"internal {PreparedType}({PipelineType(pipeline)} pipeline, {output.ParametersType} parameters)");
        w.Line($"{PipelineField} = pipeline;");
        w.Line($"{ParametersField} = parameters;");
        w.Line($"{WithoutHooksField} = !pipeline._hasHooks;");
        WriteCapture(w, held, parameterFields);
        w.Close();
        w.Line();
        WriteParametersProperty(w, output);

        var run = RunSignature.Of(pipeline, output);
        var context = held.Context($"{PipelineField}.{PipelineEmitter.FailRunMethod}");
        WriteRunSummary(w, pipeline, "Observed between nodes and passed to nodes that take one.", RunIdDoc);
        w.Line(pipeline.AttributeFailures
            ? "/// <exception cref=\"global::Compiled.PipelineRunException\">A node failed; names the node, the run and what did not run.</exception>"
            : "/// <exception cref=\"global::Compiled.PipelineRunException\">A node failed in a run with hooks or a cancellable token; without either, the node's own exception (<c>AttributeFailures = false</c>).</exception>");
        w.Open($"public {GeneratedNames.ResultType} Run({run.Declarations})");
        w.Open($"if (!{WithoutHooksField} || cancellationToken.CanBeCanceled)");
        w.Line($"return RunObserved({run.Names});");
        w.Close();
        w.Line();
        PipelineEmitter.WriteBody(w, pipeline, parameterFields, isAsync: false, observed: false, context);
        w.Close();
        w.Line();
        w.Line("/// <summary>Runs like <see cref=\"Run\"/>, calling the session's hooks and checking <paramref name=\"cancellationToken\"/> around every node.</summary>");
        w.Open($"private {GeneratedNames.ResultType} RunObserved({run.Required})");
        w.Line($"if ({PipelineField} is null) throw NotPrepared();");
        PipelineEmitter.WriteBody(w, pipeline, parameterFields, isAsync: false, observed: true, context);
        w.Close();
        w.Line();
        WriteNotPrepared(w, pipeline, PreparedType, "Prepare");
        w.Close();
    }

    /// <summary>
    /// Writes <c>PrepareUnobserved</c> and the <c>PreparedUnobserved</c> struct: the prepared values of <c>Prepared</c>, and a
    /// <c>Run</c> that is the node calls and nothing else (plus, unless the pipeline opts out, the <c>try</c> regions that name a
    /// failure): no hooks flag to test, no observed body to branch to. The session's hooks are refused when it is prepared,
    /// so no hook is ever skipped silently.
    /// </summary>
    private static void WriteUnobserved(SourceWriter w, PipelineOutputModel output, List<ParameterField> parameterFields)
    {
        var pipeline = output.Pipeline;
        var held = HeldValues.Of(pipeline, parameterFields, [PipelineField, ParametersField]);

        w.Line();
        w.Line("/// <summary>");
        w.Line($"/// Prepares <c>{Xml(pipeline.Name)}</c> like <see cref=\"Prepare\"/> for a session without hooks, into a");
        w.Line($"/// <see cref=\"{UnobservedType}\"/> whose runs are the node calls and nothing else: no hooks, no test of them, and no check");
        w.Line("/// of the token between nodes (docs/prepared-runs.md, \"Unobserved\").");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"parameters\">The parameters of every prepared run; the session's when null.</param>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The session has hooks, which these runs would not call: use <see cref=\"Prepare\"/>. Nothing was loaded.</exception>");
        WritePrepareExceptions(w);
        w.Line($"public {UnobservedType} PrepareUnobserved({output.ParametersType}? parameters = null) => new(this, parameters ?? {GeneratedNames.SessionField}.Parameters);");
        w.Line();

        w.Line("/// <summary>");
        w.Line($"/// <c>{Xml(pipeline.Name)}</c> ready to run without hooks (<see cref=\"PrepareUnobserved\"/>): its artifacts and the parameter");
        w.Line("/// values its nodes bind, held in readonly fields, as in <see cref=\"Prepared\"/>. Its runs call the nodes and nothing else:");
        w.Line("/// its session has no hooks (refused when prepared), and the token is passed to nodes that take one, not checked between");
        w.Line(pipeline.AttributeFailures
            ? "/// nodes. A failure is named as <c>Run</c> names it."
            : "/// nodes. A node's exception comes through as it is (<c>AttributeFailures = false</c>).");
        w.Line("/// A readonly struct: hold it in a field; thread-safe. A <c>default</c> value holds nothing and is not tested for: its");
        w.Line("/// runs call the nodes with null artifacts, as a hand-written call with an unset field would.");
        w.Line("/// </summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"public readonly struct {UnobservedType}");
        WritePipelineFields(w, output, holdsPipeline: pipeline.AttributeFailures);
        WriteHeldFields(w, held, parameterFields);
        w.Line();
        w.Line("/// <summary>Refuses a session with hooks, then loads the pipeline's artifacts (or takes the session's loaded copies) and reads the parameter values.</summary>");
        w.Open($"internal {UnobservedType}({PipelineType(pipeline)} pipeline, {output.ParametersType} parameters)");
        w.Line($"pipeline.{GeneratedNames.SessionField}.RefuseHooksForUnobservedRuns(Name);");
        if (pipeline.AttributeFailures) w.Line($"{PipelineField} = pipeline;");
        w.Line($"{ParametersField} = parameters;");
        WriteCapture(w, held, parameterFields);
        w.Close();
        w.Line();
        WriteParametersProperty(w, output);

        var run = RunSignature.Of(pipeline, output);
        WriteRunSummary(w, pipeline, "Passed to nodes that take one; not checked between nodes.",
            pipeline.AttributeFailures ? RunIdDoc : "Not used: no failure is attributed (<c>AttributeFailures = false</c>); there so that calls of <c>Prepared.Run</c> compile unchanged.");
        w.Line(pipeline.AttributeFailures
            ? "/// <exception cref=\"global::Compiled.PipelineRunException\">A node failed; names the node, the run and what did not run.</exception>"
            : "/// <remarks>A node's exception comes through as it is (<c>AttributeFailures = false</c>).</remarks>");
        w.Open($"public {GeneratedNames.ResultType} Run({run.Declarations})");
        PipelineEmitter.WriteBody(w, pipeline, parameterFields, isAsync: false, observed: false, held.Context(PipelineEmitter.FailRunMethod));
        w.Close();
        if (pipeline.AttributeFailures)
        {
            w.Line();
            w.Line("/// <summary>The exception for a node failure: the pipeline names it (a <c>default</c> value has none to ask).</summary>");
            w.Line($"private global::Compiled.PipelineRunException {PipelineEmitter.FailRunMethod}(string? runId, int step, global::System.Exception exception) =>");
            w.Line($"    {PipelineField} is null ? throw NotPrepared() : {PipelineField}.{PipelineEmitter.FailRunMethod}(runId, step, exception);");
        }

        w.Line();
        WriteNotPrepared(w, pipeline, UnobservedType, "PrepareUnobserved");
        w.Close();
    }

    private static string PipelineType(PipelineModel pipeline) => Qualified(pipeline.Namespace, pipeline.ClassName);

    private static string ArtifactList(HeldValues held) => string.Join(", ", held.Artifacts.Select(a => $"<c>{Xml(a.Name)}</c>"));

    private static void WritePrepareExceptions(SourceWriter w)
    {
        w.Line("/// <exception cref=\"global::Compiled.DatasetException\">An artifact could not be loaded; names it. Nothing was kept: call again.</exception>");
        w.Line("/// <exception cref=\"global::System.ObjectDisposedException\">The session is disposed.</exception>");
    }

    // The pipeline is held only by a struct whose runs ask it for something: the observed body's session, or a failure's name.
    private static void WritePipelineFields(SourceWriter w, PipelineOutputModel output, bool holdsPipeline)
    {
        if (holdsPipeline) w.Line($"private readonly {PipelineType(output.Pipeline)} {PipelineField};");
        w.Line($"private readonly {output.ParametersType} {ParametersField};");
    }

    private static void WriteHeldFields(SourceWriter w, HeldValues held, List<ParameterField> parameterFields)
    {
        foreach (var artifact in held.Artifacts)
        {
            w.Line($"private readonly {artifact.Entry!.DataType.Name} {held.ArtifactFields[artifact.Name]};");
        }

        foreach (var field in parameterFields)
        {
            w.Line($"private readonly {field.TypeName} {held.ValueFields[field.Key]};");
        }
    }

    private static void WriteCapture(SourceWriter w, HeldValues held, List<ParameterField> parameterFields)
    {
        foreach (var artifact in held.Artifacts)
        {
            w.Line($"{held.ArtifactFields[artifact.Name]} = pipeline.{GeneratedNames.SessionField}.PrepareArtifact(pipeline.{PipelineEmitter.ArtifactField(artifact)}, Name);");
        }

        foreach (var field in parameterFields)
        {
            w.Line($"{held.ValueFields[field.Key]} = parameters.{field.Members};");
        }
    }

    private static void WriteParametersProperty(SourceWriter w, PipelineOutputModel output)
    {
        w.Line("/// <summary>The parameters of every prepared run.</summary>");
        w.Line("/// <exception cref=\"global::System.InvalidOperationException\">A <c>default</c> value, not prepared.</exception>");
        w.Line($"public {output.ParametersType} Parameters => {ParametersField} ?? throw NotPrepared();");
        w.Line();
    }

    private const string RunIdDoc = "The run's id; a new unique id when null.";

    private static void WriteRunSummary(SourceWriter w, PipelineModel pipeline, string cancellation, string runId)
    {
        w.Line("/// <summary>");
        w.Line($"/// Runs <c>{Xml(pipeline.Name)}</c> with the prepared artifacts and parameters: {string.Join(", ", pipeline.Nodes.Select(n => $"<c>{Xml(n.Name)}</c>"))}.");
        w.Line("/// </summary>");
        PipelineEmitter.WriteRuntimeInputParams(w, pipeline);
        w.Line($"/// <param name=\"runId\">{runId}</param>");
        w.Line($"/// <param name=\"cancellationToken\">{cancellation}</param>");
    }

    private static void WriteNotPrepared(SourceWriter w, PipelineModel pipeline, string type, string prepare)
    {
        w.Line($"/// <summary>The exception for a <c>default</c> value, which no <see cref=\"{prepare}\"/> filled.</summary>");
        w.Line("private static global::System.InvalidOperationException NotPrepared() =>");
        w.Line($"    new({Literal($"This {pipeline.ClassName}.{type} is a default value and holds no artifacts: get one from the pipeline's {prepare}().")});");
    }

    /// <summary>
    /// A prepared struct's fields of the pipeline's artifacts and parameter values, named by one builder per struct (which
    /// already holds the struct's own fields).
    /// </summary>
    private sealed record HeldValues(
        List<PlannedDataset> Artifacts, Dictionary<string, string> ArtifactFields, Dictionary<string, string> ValueFields)
    {
        public static HeldValues Of(PipelineModel pipeline, List<ParameterField> parameterFields, string[] reserved)
        {
            var artifacts = PipelineEmitter.Artifacts(pipeline);
            var fields = new UniqueNameBuilder(reserved);
            var artifactFields = artifacts.ToDictionary(
                a => a.Name, a => fields.Of("artifact " + a.Name, "_" + Naming.ToCamelCase(a.Name).TrimStart('@')), StringComparer.Ordinal);
            var valueFields = parameterFields.ToDictionary(f => f.Key, f => fields.Of("parameter " + f.Key, f.Field), StringComparer.Ordinal);
            return new HeldValues(artifacts, artifactFields, valueFields);
        }

        /// <summary>Where the struct's run bodies find the session, the failure method and the held values.</summary>
        public BodyContext Context(string failRun) =>
            new($"{PipelineField}.{GeneratedNames.SessionField}", failRun) { ArtifactFields = ArtifactFields, ParameterFields = ValueFields };
    }

    /// <summary>The prepared <c>Run</c>'s parameters: <c>Run</c>'s but the parameters record, which the prepared run holds.</summary>
    private sealed record RunSignature(string Declarations, string Required, string Names)
    {
        // An in-memory pipeline has no runtime values and no catalog inputs to override.
        public static RunSignature Of(PipelineModel pipeline, PipelineOutputModel output)
        {
            var arguments = PipelineEmitter.Parameters(pipeline, output, byReference: true).Where(p => p.Name != "parameters").ToList();
            return new RunSignature(
                string.Join(", ", arguments.Select(a => a.Declaration)),
                string.Join(", ", arguments.Select(a => a.Required)),
                string.Join(", ", arguments.Select(a => a.Name)));
        }
    }
}
