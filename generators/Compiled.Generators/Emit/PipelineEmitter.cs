using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpNames;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits the generated half of a <c>[Pipeline]</c> class: <c>Run</c> (when every node is synchronous)
/// and <c>RunAsync</c>, each a straight sequence of direct node calls in topological order, with
/// free inputs loaded into locals before the node that first needs them, outputs saved where the
/// catalog persists them, and a typed <c>Result</c> of the pipeline's outputs. <c>Run</c> has an
/// unobserved body (no hooks registered, a token that cannot be cancelled: nothing but the node calls)
/// and an observed one (<c>RunObserved</c>) that calls the hooks and checks the token around each node.
/// An in-memory pipeline whose first node reads every artifact has a third body: <c>Run</c>'s own reads them all
/// before that node when all are loaded, and calls <c>RunLoading</c> (which loads each before the node that needs it) when one
/// is not; it also gets <c>Prepare</c> (<see cref="PreparedEmitter"/>).
/// </summary>
internal static class PipelineEmitter
{
    public static string Emit(PipelineOutputModel output)
    {
        var pipeline = output.Pipeline;
        var session = Qualified(output.Info.Namespace, output.Info.ProjectName + "Session");
        var w = SourceWriter.ForFile(pipeline.Namespace);
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"partial class {pipeline.ClassName}");
        w.Line($"/// <summary>The pipeline's name: <c>{Xml(pipeline.Name)}</c>.</summary>");
        w.Line($"public const string Name = {Literal(pipeline.Name)};");
        w.Line();
        w.Line("/// <summary>The pipeline's nodes, in the order a run calls them.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> NodeNames => s_nodeNames;");
        w.Line();
        w.Line($"private static readonly string[] s_nodeNames = [{string.Join(", ", pipeline.Nodes.Select(n => Literal(n.Name)))}];");
        w.Line($"private readonly {session} {GeneratedNames.SessionField};");

        // A synchronous Run's hot body reads what never changes in the session from fields of the pipeline, set here.
        var hasRun = !pipeline.HasErrors && !pipeline.HasAsyncNodes;
        if (hasRun) w.Line($"private readonly bool {HasHooksField};");
        var artifacts = Artifacts(pipeline);
        foreach (var artifact in artifacts)
        {
            w.Line($"private readonly global::Compiled.ArtifactSlot<{artifact.Entry!.DataType.Name}> {ArtifactField(artifact)};");
        }

        var parameterFields = hasRun ? ParameterFields(pipeline, artifacts) : [];
        foreach (var field in parameterFields)
        {
            w.Line($"private readonly {field.TypeName} {field.Field};");
        }

        w.Line();
        if (!hasRun && artifacts.Count == 0)
        {
            w.Line("/// <summary>Binds the pipeline to the session whose catalog, parameters and hooks its runs use.</summary>");
            w.Line($"internal {pipeline.ClassName}({session} session) => {GeneratedNames.SessionField} = session;");
        }
        else
        {
            w.Line(artifacts.Count == 0
                ? "/// <summary>Binds the pipeline to the session whose catalog, parameters and hooks its runs use.</summary>"
                : "/// <summary>Binds the pipeline to the session whose catalog, parameters, artifacts and hooks its runs use.</summary>");
            w.Open($"internal {pipeline.ClassName}({session} session)");
            w.Line($"{GeneratedNames.SessionField} = session;");
            if (hasRun) w.Line($"{HasHooksField} = session.HasHooks;");
            foreach (var artifact in artifacts)
            {
                // The session's slot: read directly by every run, shared with the session's other pipelines that name it.
                w.Line($"{ArtifactField(artifact)} = session.DeclareArtifact({Literal(artifact.Name)}, () => session.Catalog.{artifact.Entry!.PropertyName});");
            }

            foreach (var field in parameterFields)
            {
                // The session's parameters are set before its pipelines are created and never change.
                w.Line($"{field.Field} = session.Parameters.{field.Members};");
            }

            w.Close();
        }

        w.Line();
        WriteResult(w, pipeline);
        WriteInputs(w, pipeline);

        if (pipeline.HasErrors)
        {
            WriteBrokenRun(w, pipeline, output);
        }
        else
        {
            if (hasRun)
            {
                WriteRun(w, pipeline, output, parameterFields, isAsync: false);
                w.Line();
            }

            WriteRun(w, pipeline, output, parameterFields, isAsync: true);
            if (PreparedEmitter.Applies(pipeline)) PreparedEmitter.Write(w, output, parameterFields);
        }

        w.Close();
        return w.ToString();
    }

    private static void WriteResult(SourceWriter w, PipelineModel pipeline)
    {
        w.Line("/// <summary>What a run of the pipeline produces: the outputs no node of the pipeline consumes.</summary>");
        foreach (var field in pipeline.Results)
        {
            w.Line($"/// <param name=\"{field.PropertyName}\">The <c>{Xml(field.Dataset)}</c> output.</param>");
        }

        var fields = string.Join(", ", pipeline.Results.Select(f => $"{f.TypeName} {f.PropertyName}"));
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Line($"public readonly record struct {GeneratedNames.ResultType}({fields});");
        w.Line();
    }

    private static void WriteInputs(SourceWriter w, PipelineModel pipeline)
    {
        if (pipeline.InputOverrides.IsEmpty) return;
        w.Line("/// <summary>In-memory data for the pipeline's catalog inputs, for one run: each property set replaces loading that dataset.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"public readonly record struct {GeneratedNames.InputsType}");
        for (var i = 0; i < pipeline.InputOverrides.Count; i++)
        {
            var input = pipeline.InputOverrides[i];
            if (i > 0) w.Line();
            w.Line($"/// <summary>Replaces loading <c>{Xml(input.Dataset)}</c>.</summary>");
            w.Line($"public {input.Type.NonNullableName}? {input.PropertyName} {{ get; init; }}");
        }

        w.Close();
        w.Line();
    }

    /// <summary>The <c>&lt;param&gt;</c> docs of a run's runtime inputs, one per input.</summary>
    internal static void WriteRuntimeInputParams(SourceWriter w, PipelineModel pipeline)
    {
        foreach (var input in pipeline.RuntimeInputs)
        {
            w.Line($"/// <param name=\"{input.ParameterName.TrimStart('@')}\">The runtime input <c>{Xml(input.Dataset)}</c>.</param>");
        }
    }

    private static void WriteRun(SourceWriter w, PipelineModel pipeline, PipelineOutputModel output, List<ParameterField> parameterFields, bool isAsync)
    {
        w.Line("/// <summary>");
        w.Line($"/// Runs <c>{Xml(pipeline.Name)}</c>: {string.Join(", ", pipeline.Nodes.Select(n => $"<c>{Xml(n.Name)}</c>"))}.");
        w.Line("/// </summary>");
        WriteRuntimeInputParams(w, pipeline);
        foreach (var value in pipeline.RuntimeValues)
        {
            w.Line($"/// <param name=\"{value.ParameterName.TrimStart('@')}\">The runtime value <c>${{runtime:{Xml(value.Name)}}}</c> of the catalog{(value.HasDefault ? "; its default when null" : "")}.</param>");
        }

        if (!pipeline.InputOverrides.IsEmpty)
        {
            w.Line("/// <param name=\"inputs\">In-memory data that replaces catalog inputs for this run; each input not set is loaded.</param>");
        }

        w.Line("/// <param name=\"parameters\">The parameters for this run; the session's when null.</param>");
        w.Line("/// <param name=\"runId\">The run's id; a new unique id when null.</param>");
        w.Line("/// <param name=\"cancellationToken\">Observed between nodes and passed to nodes that take one.</param>");
        w.Line(AttributesEveryFailure(pipeline)
            ? "/// <exception cref=\"global::Compiled.PipelineRunException\">A node or dataset failed; names the node, the run and what did not run.</exception>"
            : "/// <exception cref=\"global::Compiled.PipelineRunException\">A node failed in a run with hooks or a cancellable token; without either, the node's own exception (<c>AttributeFailures = false</c>).</exception>");
        var arguments = Parameters(pipeline, output, byReference: !isAsync).ToList();
        var declarations = string.Join(", ", arguments.Select(a => a.Declaration));
        var awaits = Awaits(pipeline);
        if (isAsync && !awaits)
        {
            // Nothing to await: the asynchronous form is the synchronous run, already completed.
            w.Line($"public global::System.Threading.Tasks.ValueTask<{GeneratedNames.ResultType}> RunAsync({declarations}) =>");
            w.Line($"    new(Run({string.Join(", ", arguments.Select(a => a.Name))}));");
            return;
        }

        var names = string.Join(", ", arguments.Select(a => a.Name));
        if (isAsync)
        {
            w.Open($"public async global::System.Threading.Tasks.ValueTask<{GeneratedNames.ResultType}> RunAsync({declarations})");
            WriteRequiredRuntimeValues(w, pipeline);
            WriteBody(w, pipeline, parameterFields, isAsync: true, observed: true, BodyContext.Pipeline);
            w.Close();
            return;
        }

        // Run has two bodies with the same node calls. The public one is the hot path of a session
        // without hooks and a run that cannot be cancelled: nothing between the node calls. The other
        // calls the hooks and checks the token around every node.
        w.Open($"public {GeneratedNames.ResultType} Run({declarations})");
        WriteRequiredRuntimeValues(w, pipeline);
        var artifacts = Artifacts(pipeline);
        if (artifacts.Count > 0 && !AccessesCatalog(pipeline) && artifacts.All(a => pipeline.Nodes[0].Inputs.Contains(a.Name)))
        {
            // An in-memory run whose artifacts are all loaded (the usual case: loaded by the first run, or preloaded)
            // reads them into locals before the first node; any other run is a call that returns at once, so nothing
            // in this body lives across a slow path. Only when the first node reads every artifact: one first read by a
            // later node would be held across the nodes before it (a callee-saved register more than the loading body).
            var locals = Locals(pipeline, parameterFields).Datasets;
            var loaded = string.Concat(artifacts.Select(a => $" || !{ArtifactField(a)}.TryGetLoaded(out var {locals[a.Name]})"));
            w.Open($"if ({HasHooksField} || cancellationToken.CanBeCanceled{loaded})");
            w.Line($"return {LoadingRun}({names});");
            w.Close();
            w.Line();
            WriteBody(w, pipeline, parameterFields, isAsync: false, observed: false, BodyContext.Pipeline with { ArtifactsInLocals = true });
            w.Close();
            w.Line();
            w.Line($"/// <summary>Runs <c>{Xml(pipeline.Name)}</c> like <see cref=\"Run\"/> when the session has hooks, the token can be cancelled or an artifact is not loaded yet: each artifact is loaded before the first node that reads it.</summary>");
            w.Open($"private {GeneratedNames.ResultType} {LoadingRun}({string.Join(", ", arguments.Select(p => p.Required))})");
        }

        w.Open($"if ({HasHooksField} || cancellationToken.CanBeCanceled)");
        w.Line($"return RunObserved({names});");
        w.Close();
        w.Line();
        WriteBody(w, pipeline, parameterFields, isAsync: false, observed: false, BodyContext.Pipeline);
        w.Close();
        w.Line();
        w.Line("/// <summary>Runs <c>" + Xml(pipeline.Name) + "</c> like <see cref=\"Run\"/>, calling the session's hooks and checking <paramref name=\"cancellationToken\"/> around every node.</summary>");
        var required = arguments.Select(p => p.Required);
        w.Open($"private {GeneratedNames.ResultType} RunObserved({string.Join(", ", required)})");
        WriteBody(w, pipeline, parameterFields, isAsync: false, observed: true, BodyContext.Pipeline);
        w.Close();
        if (!AccessesCatalog(pipeline) && pipeline.AttributeFailures)
        {
            // The hot body's handler is this one call: it then keeps nothing in registers the body would have to save.
            w.Line();
            w.Line("/// <summary>The exception for a node failure in a run that started no run context: the session starts one now, to name the run.</summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Line($"private global::Compiled.PipelineRunException {FailRunMethod}(string? runId, int step, global::System.Exception exception) =>");
            w.Line($"    {GeneratedNames.SessionField}.FailRun(Name, runId, s_nodeNames, step, exception);");
        }
    }

    /// <summary>The filter of a handler that names a failed node: not a cancellation nor a failure already named.</summary>
    internal const string NodeFailureFilter = "global::Compiled.RunContext.IsNodeFailure(exception)";

    /// <summary>
    /// The most nodes whose attributed hot body gives each node a try region of its own (no step counter). A region costs
    /// about 38 bytes of IL (its filter and handler): the JIT inlines the 3-node body (213 bytes) into its caller, not the
    /// 10-node chain's (529 bytes), whose one-region body (146 bytes) it does inline, and inlining is worth more than
    /// the step stores. Measured in the scratch harness of benchmarks/README.md, session 11.
    /// </summary>
    internal const int NodeTryRegions = 3;

    /// <summary>The pipeline's field holding the session's <c>HasHooks</c>, read by the hot body of <c>Run</c>.</summary>
    private const string HasHooksField = "_hasHooks";

    /// <summary>The pipeline's method that builds the exception of a node failure in the hot body of <c>Run</c>.</summary>
    internal const string FailRunMethod = "FailRun";

    /// <summary>The body <c>Run</c> calls when an artifact of an in-memory pipeline is not loaded: it loads each one before the first node that reads it.</summary>
    private const string LoadingRun = "RunLoading";

    /// <summary>The fields holding the session's values of the parameters the pipeline's nodes bind, named beside its other fields.</summary>
    private static List<ParameterField> ParameterFields(PipelineModel pipeline, List<PlannedDataset> artifacts) =>
        ParameterField.Of(pipeline, new UniqueNameBuilder(new[] { GeneratedNames.SessionField, HasHooksField }.Concat(artifacts.Select(ArtifactField))));

    /// <summary>The artifacts the pipeline's nodes read, in the order they are first read: each has a slot field.</summary>
    internal static List<PlannedDataset> Artifacts(PipelineModel pipeline) =>
        pipeline.Datasets.Where(d => d.IsArtifact && d.IsLoaded).ToList();

    /// <summary>The pipeline's field holding the session's slot of <paramref name="artifact"/>, after its catalog property.</summary>
    internal static string ArtifactField(PlannedDataset artifact)
    {
        var property = artifact.Entry!.PropertyName;
        return "_" + char.ToLowerInvariant(property[0]) + property.Substring(1) + "Artifact";
    }

    /// <summary>A run awaits something (an asynchronous node, a load or a save); otherwise <c>RunAsync</c> is <c>Run</c>, completed.</summary>
    internal static bool Awaits(PipelineModel pipeline) => pipeline.HasAsyncNodes || AccessesCatalog(pipeline);

    /// <summary>A run loads or saves through the catalog (artifacts come from their slots): it needs the catalog and a run context, and awaits.</summary>
    internal static bool AccessesCatalog(PipelineModel pipeline) => pipeline.Datasets.Any(d => (d.IsLoaded && !d.IsArtifact) || d.IsSaved);

    /// <summary>
    /// Every run wraps a node's failure in a <c>PipelineRunException</c>: unless the pipeline opts out
    /// (<c>AttributeFailures = false</c>), and only for the hot body of an in-memory synchronous run (a run that loads or
    /// saves through the catalog has a run context to end anyway).
    /// </summary>
    private static bool AttributesEveryFailure(PipelineModel pipeline) =>
        pipeline.AttributeFailures || pipeline.HasAsyncNodes || AccessesCatalog(pipeline);

    private static void WriteRequiredRuntimeValues(SourceWriter w, PipelineModel pipeline)
    {
        foreach (var value in pipeline.RuntimeValues.Where(v => !v.HasDefault))
        {
            // A runtime value with no default must be given: fail before any node runs.
            w.Line($"global::System.ArgumentNullException.ThrowIfNull({value.ParameterName});");
        }
    }

    /// <summary>
    /// The node calls of a run. An <paramref name="observed"/> body calls the hooks and checks the
    /// cancellation token around each node; the unobserved body only calls the nodes, and creates the
    /// run context only when a dataset needs it (or, to report a failure, when a node throws).
    /// </summary>
    /// <param name="parameterFields">The pipeline's fields of the session's parameter values, which the hot body reads.</param>
    /// <param name="context">Where the body finds the session, and whether its artifacts and parameters are held already.</param>
    internal static void WriteBody(SourceWriter w, PipelineModel pipeline, List<ParameterField> parameterFields, bool isAsync, bool observed, BodyContext context)
    {
        var locals = Locals(pipeline, parameterFields);
        string Variable(string dataset) => context.ArtifactFields.TryGetValue(dataset, out var field) ? field : locals.Datasets[dataset];

        // The hot body reads each parameter value into a local before the node that first binds it (below); the others read
        // the run's record (the session's when null). A prepared run's bodies read its fields.
        var hot = !observed && !isAsync;
        var prepared = context.Prepared;
        if (!hot && !prepared && pipeline.Nodes.Any(n => n.Arguments.Any(a => a.IsBoundParameter)))
        {
            w.Line($"parameters ??= {context.Session}.Parameters;");
        }

        // Artifacts are read from the pipeline's slots: neither the catalog nor a run context is needed for them.
        var accessesCatalog = AccessesCatalog(pipeline);
        if (accessesCatalog)
        {
            w.Line($"var catalog = {context.Session}.Catalog;");
        }

        var savesData = pipeline.Datasets.Any(d => d.IsSaved);
        var hasRun = observed || accessesCatalog;
        if (hasRun)
        {
            w.Line(savesData ? $"var run = {context.Session}.StartRun(Name, runId);" : $"var run = {context.Session}.StartRun(Name, runId, savesData: false);");
        }

        if (observed)
        {
            w.Line("var hooked = run.HasHooks;");
            w.Line("var cancellable = cancellationToken.CanBeCanceled;");
        }

        // [Pipeline(AttributeFailures = false)]: the hot body of an in-memory run is the node calls alone, without the try
        // region and the step counter that name a failed node; a node's exception reaches the caller as thrown.
        var attributed = observed || AttributesEveryFailure(pipeline);

        // The attributed hot body of an in-memory run gives each node a try region of its own, whose handler names the node
        // by a constant: the success path stores no step counter. Up to NodeTryRegions nodes; a longer pipeline keeps one
        // region and the counter (a filter and a handler per node grow the method past what the JIT inlines).
        var perNode = attributed && !hasRun && pipeline.Nodes.Count <= NodeTryRegions;
        if (attributed && !perNode)
        {
            w.Line("var step = 0;");
            w.Open("try");
        }

        if (observed) w.Line("run.PipelineStarting();");
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var fields = parameterFields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var datasets = pipeline.DatasetsByName();
        var overrides = pipeline.InputOverrides.ToDictionary(o => o.Dataset, o => o.PropertyName, StringComparer.Ordinal);
        var total = pipeline.Nodes.Count;
        for (var i = 0; i < total; i++)
        {
            var node = pipeline.Nodes[i];
            if (i > 0 || observed) w.Line();
            w.Line($"// {i + 1}/{total}: {node.Name}");
            if (i > 0 && attributed && !perNode) w.Line($"step = {i};");
            if (observed) w.Line("if (cancellable) cancellationToken.ThrowIfCancellationRequested();");

            // In a node's own try region, the locals its step sets are declared before the region and assigned in it.
            var step = new NodeStep(w, perNode);

            // The first node to read a free input loads it into a local.
            foreach (var input in node.Inputs.Select(name => datasets[name]).Where(d => d.IsLoaded && !(d.IsArtifact && context.HoldsArtifacts) && loaded.Add(d.Name)))
            {
                var call = input.IsArtifact
                    ? $"{ArtifactField(input)}.Get({(hasRun ? "run" : "")})"
                    : isAsync
                        ? $"await run.LoadAsync(catalog.{CatalogMember(pipeline, input)}, cancellationToken).ConfigureAwait(false)"
                        : $"run.Load(catalog.{CatalogMember(pipeline, input)})";
                if (!input.IsArtifact) call = $"inputs.{overrides[input.Name]} ?? {call}";
                step.Assign(input.IsArtifact ? input.Entry!.DataType.Name : input.Type.Name, locals.Datasets[input.Name], call);
            }

            if (hot && !prepared)
            {
                // The session's value, kept in a field, unless the run has parameters of its own.
                foreach (var field in node.Arguments.Where(a => a.IsBoundParameter).Select(a => fields[ParameterField.KeyOf(a)]).Where(f => bound.Add(f.Key)))
                {
                    step.Assign(field.TypeName, locals.Parameters[field.Key], $"parameters is null ? {field.Field} : parameters.{field.Members}");
                }
            }

            if (observed) w.Line($"if (hooked) run.NodeStarting({Literal(node.Name)});");
            foreach (var output in node.Outputs.Where(_ => perNode)) step.Declare(datasets[output].Type.Name, Variable(output));
            var declare = perNode ? "" : "var ";
            step.Statement(prepared || hot
                ? NodeCall.Statement(node, argument => (prepared ? context.ParameterFields : locals.Parameters)[ParameterField.KeyOf(argument)], Variable, declare)
                : NodeCall.Statement(node, "parameters", Variable, declare));
            if (perNode)
            {
                step.WriteTryRegion($"throw {context.FailRun}(runId, {i}, exception);");
            }

            if (observed) w.Line($"if (hooked) run.NodeCompleted({Literal(node.Name)});");
            foreach (var output in node.Outputs.Select(name => datasets[name]).Where(d => d.IsSaved))
            {
                w.Line(isAsync
                    ? $"await run.SaveAsync(catalog.{CatalogMember(pipeline, output)}, {Variable(output.Name)}, cancellationToken).ConfigureAwait(false);"
                    : $"run.Save(catalog.{CatalogMember(pipeline, output)}, {Variable(output.Name)});");
            }
        }

        w.Line();
        if (hasRun) w.Line("run.PipelineCompleted();");
        w.Line($"return new {GeneratedNames.ResultType}({string.Join(", ", pipeline.Results.Select(r => locals.Datasets[r.Dataset]))});");
        if (!attributed || perNode) return;
        w.Close();
        w.Open($"catch (global::System.Exception exception) when ({NodeFailureFilter})");
        w.Line(hasRun
            ? "throw run.Fail(s_nodeNames, step, exception);"
            : $"throw {context.FailRun}(runId, step, exception);");
        w.Close();
        if (!hasRun) return;
        w.Open("catch");
        w.Line("// Cancelled, or a pipeline this run called failed and reported it: the run ends without error hooks.");
        w.Line("run.Abandon();");
        w.Line("throw;");
        w.Close();
    }

    /// <summary>
    /// The local holding each dataset in a run's body: a runtime input is Run's parameter; every other dataset gets a
    /// name of its own in the scope of Run's parameters and the locals its body declares. The hot body also names a local
    /// for each parameter value it reads (<paramref name="parameterFields"/>), after the datasets.
    /// </summary>
    private static BodyLocals Locals(PipelineModel pipeline, List<ParameterField> parameterFields)
    {
        var names = new UniqueNameBuilder(RunLocals.Declared
            .Concat(pipeline.RuntimeInputs.Select(i => i.ParameterName))
            .Concat(pipeline.RuntimeValues.Select(v => v.ParameterName)));
        var locals = pipeline.RuntimeInputs.ToDictionary(i => i.Dataset, i => i.ParameterName, StringComparer.Ordinal);
        foreach (var dataset in pipeline.Datasets.Where(d => !locals.ContainsKey(d.Name)))
        {
            locals.Add(dataset.Name, names.Of(dataset.Name, Naming.ToCamelCase(dataset.Name)));
        }

        var parameters = parameterFields.ToDictionary(
            f => f.Key, f => names.Of("parameter " + f.Key, Naming.ToCamelCase(f.Field.TrimStart('_'))), StringComparer.Ordinal);
        return new BodyLocals(locals, parameters);
    }

    /// <summary>The locals of a run's body: by dataset name, and by parameter binding (<see cref="ParameterField.Key"/>).</summary>
    private sealed record BodyLocals(Dictionary<string, string> Datasets, Dictionary<string, string> Parameters);

    /// <summary>The catalog member of <paramref name="dataset"/>, given the run's runtime values by Run's parameters.</summary>
    private static string CatalogMember(PipelineModel pipeline, PlannedDataset dataset) =>
        CSharpNames.CatalogMember(dataset.Entry!, value => pipeline.RuntimeValues.First(r => r.Name == value.Name).ParameterName);

    /// <summary>
    /// The arguments of <c>Run</c>/<c>RunAsync</c>: the runtime inputs, the catalog's runtime values, <c>inputs</c> when the
    /// pipeline reads catalog inputs, then the parameters, the run id and the token. A pipeline with build errors keeps the
    /// same signature, so that the code calling it still compiles and only the CPL diagnostics show.
    /// </summary>
    /// <param name="byReference">
    /// The synchronous <c>Run</c>: struct inputs are <c>in</c> parameters (<see cref="TypeRef.IsStruct"/>); a caller passes them
    /// as before, without <c>in</c>. An <c>async</c> <c>RunAsync</c> cannot take them so.
    /// </param>
    internal static IEnumerable<RunParameter> Parameters(PipelineModel pipeline, PipelineOutputModel output, bool byReference) =>
        pipeline.RuntimeInputs.Select(i => new RunParameter(i.TypeName, i.ParameterName, Default: null, IsIn: byReference && i.Type.IsStruct))
            .Concat(pipeline.RuntimeValues.Select(v => v.HasDefault ? new RunParameter("string?", v.ParameterName, "null") : new RunParameter("string", v.ParameterName, Default: null)))
            .Concat(pipeline.InputOverrides.IsEmpty ? [] : [new RunParameter($"{Qualified(pipeline.Namespace, pipeline.ClassName)}.{GeneratedNames.InputsType}", "inputs", "default")])
            .Concat(
            [
                new RunParameter($"{output.ParametersType}?", "parameters", "null"),
                new RunParameter("string?", "runId", "null"),
                new RunParameter("global::System.Threading.CancellationToken", "cancellationToken", "default"),
            ]);

    /// <summary>A parameter of <c>Run</c>: its type, name and default value, if it has one.</summary>
    internal sealed record RunParameter(string Type, string Name, string? Default, bool IsIn = false)
    {
        public string Required => IsIn ? $"in {Type} {Name}" : $"{Type} {Name}";

        public string Declaration => Default is null ? Required : $"{Required} = {Default}";
    }

    private static void WriteBrokenRun(SourceWriter w, PipelineModel pipeline, PipelineOutputModel output)
    {
        var arguments = string.Join(", ", Parameters(pipeline, output, byReference: false).Select(p => p.Declaration));
        var error = ThrowBuildErrors(pipeline.Name) + ";";
        string[] signatures = [$"{GeneratedNames.ResultType} Run", $"global::System.Threading.Tasks.ValueTask<{GeneratedNames.ResultType}> RunAsync"];
        for (var i = 0; i < signatures.Length; i++)
        {
            if (i > 0) w.Line();
            w.Line("/// <summary>Not available: the pipeline has build errors (CPL diagnostics). Fix them to generate its body.</summary>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">Always: the pipeline has build errors.</exception>");
            w.Line($"public {signatures[i]}({arguments}) =>");
            w.Line($"    {error}");
        }
    }

    /// <summary>The throw expression of a member that is not generated because the pipeline has build errors.</summary>
    internal static string ThrowBuildErrors(string pipelineName) =>
        $"throw new global::System.InvalidOperationException({Literal($"Pipeline '{pipelineName}' has build errors; see the CPL diagnostics of this project.")})";
}
