using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits the generated half of a <c>[Pipeline]</c> class: <c>Run</c> (when every node is synchronous)
/// and <c>RunAsync</c>, each a straight sequence of direct node calls in topological order, with
/// free inputs loaded into locals before the node that first needs them, outputs saved where the
/// catalog persists them, and a typed <c>Result</c> of the pipeline's outputs. <c>Run</c> has an
/// unobserved body (no hooks registered, a token that cannot be cancelled: nothing but the node calls)
/// and an observed one (<c>RunObserved</c>) that calls the hooks and checks the token around each node.
/// </summary>
internal static class PipelineEmitter
{
    public static string Emit(ProjectModel project, PipelineModel pipeline)
    {
        var session = Qualified(project.Info.Namespace, project.Info.ProjectName + "Session");
        var w = SourceWriter.ForFile(pipeline.Namespace);
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"partial class {pipeline.ClassName}");
        w.Line($"/// <summary>The pipeline's name: <c>{Xml(pipeline.Name)}</c>.</summary>");
        w.Line($"public const string Name = {Literal(pipeline.Name)};");
        w.Line();
        w.Line("/// <summary>The pipeline's nodes, in the order a run calls them.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> NodeNames => s_nodeNames;");
        w.Line();
        w.Line($"private static readonly string[] s_nodeNames = [{string.Join(", ", pipeline.Steps.Select(s => Literal(s.NodeName)))}];");
        w.Line($"private readonly {session} _session;");
        var artifacts = Artifacts(pipeline);
        foreach (var artifact in artifacts)
        {
            w.Line($"private readonly global::Compiled.ArtifactSlot<{artifact.TypeName}> {ArtifactField(artifact.CatalogAccess)};");
        }

        w.Line();
        if (artifacts.Count == 0)
        {
            w.Line("/// <summary>Binds the pipeline to the session whose catalog, parameters and hooks its runs use.</summary>");
            w.Line($"internal {pipeline.ClassName}({session} session) => _session = session;");
        }
        else
        {
            w.Line("/// <summary>Binds the pipeline to the session whose catalog, parameters, artifacts and hooks its runs use.</summary>");
            w.Open($"internal {pipeline.ClassName}({session} session)");
            w.Line("_session = session;");
            foreach (var artifact in artifacts)
            {
                // The session's slot: read directly by every run, shared with the session's other pipelines that name it.
                w.Line($"{ArtifactField(artifact.CatalogAccess)} = session.DeclareArtifact({Literal(artifact.Dataset)}, () => session.Catalog.{artifact.CatalogAccess});");
            }

            w.Close();
        }

        w.Line();
        WriteResult(w, pipeline);
        WriteInputs(w, pipeline);

        if (pipeline.HasErrors)
        {
            WriteBrokenRun(w, pipeline, project);
        }
        else
        {
            if (!pipeline.HasAsyncNodes)
            {
                WriteRun(w, pipeline, project, isAsync: false);
                w.Line();
            }

            WriteRun(w, pipeline, project, isAsync: true);
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
        w.Line($"public readonly record struct Result({fields});");
        w.Line();
    }

    private static void WriteInputs(SourceWriter w, PipelineModel pipeline)
    {
        if (pipeline.InputOverrides.IsEmpty) return;
        w.Line("/// <summary>In-memory data for the pipeline's catalog inputs, for one run: each property set replaces loading that dataset.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open("public readonly record struct Inputs");
        for (var i = 0; i < pipeline.InputOverrides.Count; i++)
        {
            var input = pipeline.InputOverrides[i];
            if (i > 0) w.Line();
            w.Line($"/// <summary>Replaces loading <c>{Xml(input.Dataset)}</c>.</summary>");
            w.Line($"public {input.TypeName.TrimEnd('?')}? {input.PropertyName} {{ get; init; }}");
        }

        w.Close();
        w.Line();
    }

    private static void WriteRun(SourceWriter w, PipelineModel pipeline, ProjectModel project, bool isAsync)
    {
        w.Line("/// <summary>");
        w.Line($"/// Runs <c>{Xml(pipeline.Name)}</c>: {string.Join(", ", pipeline.Steps.Select(s => $"<c>{Xml(s.NodeName)}</c>"))}.");
        w.Line("/// </summary>");
        foreach (var input in pipeline.RuntimeInputs)
        {
            w.Line($"/// <param name=\"{input.ParameterName.TrimStart('@')}\">The runtime input <c>{Xml(input.Dataset)}</c>.</param>");
        }

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
        w.Line("/// <exception cref=\"global::Compiled.PipelineRunException\">A node or dataset failed; names the node, the run and what did not run.</exception>");
        var arguments = Arguments(pipeline, project, byReference: !isAsync);
        var awaits = pipeline.HasAsyncNodes || pipeline.Steps.Any(s => s.Loads.Any(l => !l.IsArtifact) || s.Outputs.Any(o => o.CatalogAccess is not null));
        if (isAsync && !awaits)
        {
            // Nothing to await: the asynchronous form is the synchronous run, already completed.
            w.Line($"public global::System.Threading.Tasks.ValueTask<Result> RunAsync({string.Join(", ", arguments)}) =>");
            w.Line($"    new(Run({string.Join(", ", ArgumentNames(pipeline))}));");
            return;
        }

        var names = string.Join(", ", ArgumentNames(pipeline));
        if (isAsync)
        {
            w.Open($"public async global::System.Threading.Tasks.ValueTask<Result> RunAsync({string.Join(", ", arguments)})");
            WriteRequiredRuntimeValues(w, pipeline);
            WriteBody(w, pipeline, isAsync: true, observed: true);
            w.Close();
            return;
        }

        // Run has two bodies with the same node calls. The public one is the hot path of a session
        // without hooks and a run that cannot be cancelled: nothing between the node calls. The other
        // calls the hooks and checks the token around every node.
        w.Open($"public Result Run({string.Join(", ", arguments)})");
        WriteRequiredRuntimeValues(w, pipeline);
        w.Open("if (_session.HasHooks || cancellationToken.CanBeCanceled)");
        w.Line($"return RunObserved({names});");
        w.Close();
        w.Line();
        WriteBody(w, pipeline, isAsync: false, observed: false);
        w.Close();
        w.Line();
        w.Line("/// <summary>Runs <c>" + Xml(pipeline.Name) + "</c> like <see cref=\"Run\"/>, calling the session's hooks and checking <paramref name=\"cancellationToken\"/> around every node.</summary>");
        var required = arguments.Select(a => a.Replace(" = null", "").Replace(" = default", ""));
        w.Open($"private Result RunObserved({string.Join(", ", required)})");
        WriteBody(w, pipeline, isAsync: false, observed: true);
        w.Close();
    }

    /// <summary>The artifacts the pipeline's nodes read, each once: each has a slot field.</summary>
    internal static List<DatasetLoadModel> Artifacts(PipelineModel pipeline) =>
        pipeline.Steps.SelectMany(s => s.Loads).Where(l => l.IsArtifact)
            .GroupBy(l => l.Dataset, StringComparer.Ordinal).Select(g => g.First()).ToList();

    /// <summary>The pipeline's field holding the session's slot of the artifact the catalog gives as <paramref name="catalogAccess"/>.</summary>
    internal static string ArtifactField(string catalogAccess) =>
        "_" + char.ToLowerInvariant(catalogAccess[0]) + catalogAccess.Substring(1) + "Artifact";

    private static IEnumerable<string> ArgumentNames(PipelineModel pipeline) =>
        pipeline.RuntimeInputs.Select(i => i.ParameterName)
            .Concat(pipeline.RuntimeValues.Select(v => v.ParameterName))
            .Concat(pipeline.InputOverrides.IsEmpty ? Array.Empty<string>() : new[] { "inputs" })
            .Concat(new[] { "parameters", "runId", "cancellationToken" });

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
    private static void WriteBody(SourceWriter w, PipelineModel pipeline, bool isAsync, bool observed)
    {
        if (pipeline.Steps.Any(s => s.Arguments.Any(a => a.StartsWith("parameters.", StringComparison.Ordinal))))
        {
            w.Line("parameters ??= _session.Parameters;");
        }

        // Artifacts are read from the pipeline's slots: neither the catalog nor a run context is needed for them.
        var accessesCatalog = pipeline.Steps.Any(st => st.Loads.Any(l => !l.IsArtifact) || st.Outputs.Any(o => o.CatalogAccess is not null));
        if (accessesCatalog)
        {
            w.Line("var catalog = _session.Catalog;");
        }

        var savesData = pipeline.Steps.Any(st => st.Outputs.Any(o => o.CatalogAccess is not null));
        var hasRun = observed || accessesCatalog;
        if (hasRun)
        {
            w.Line(savesData ? "var run = _session.StartRun(Name, runId);" : "var run = _session.StartRun(Name, runId, savesData: false);");
        }

        if (observed)
        {
            w.Line("var hooked = run.HasHooks;");
            w.Line("var cancellable = cancellationToken.CanBeCanceled;");
        }

        w.Line("var step = 0;");
        w.Open("try");
        if (observed) w.Line("run.PipelineStarting();");
        var total = pipeline.Steps.Count;
        for (var i = 0; i < total; i++)
        {
            var step = pipeline.Steps[i];
            if (i > 0 || observed) w.Line();
            w.Line($"// {i + 1}/{total}: {step.NodeName}");
            if (i > 0) w.Line($"step = {i};");
            if (observed) w.Line("if (cancellable) cancellationToken.ThrowIfCancellationRequested();");
            foreach (var load in step.Loads)
            {
                var call = load.IsArtifact
                    ? $"{ArtifactField(load.CatalogAccess)}.Get({(hasRun ? "run" : "")})"
                    : isAsync
                        ? $"await run.LoadAsync(catalog.{load.CatalogAccess}, cancellationToken).ConfigureAwait(false)"
                        : $"run.Load(catalog.{load.CatalogAccess})";
                if (load.OverrideProperty is not null) call = $"inputs.{load.OverrideProperty} ?? {call}";
                w.Line($"var {load.Local} = {call};");
            }

            if (observed) w.Line($"if (hooked) run.NodeStarting({Literal(step.NodeName)});");
            var invocation = $"{step.Method}({string.Join(", ", step.Arguments)})";
            if (step.Await != AwaitKind.None) invocation = $"await {invocation}.ConfigureAwait(false)";
            switch (step.ReturnKind)
            {
                case NodeReturnKind.Void:
                    w.Line($"{invocation};");
                    break;
                case NodeReturnKind.Single:
                    w.Line($"var {step.Outputs[0].Local} = {invocation};");
                    break;
                default:
                    w.Line($"var ({string.Join(", ", step.Outputs.Select(o => o.Local))}) = {invocation};");
                    break;
            }

            if (observed) w.Line($"if (hooked) run.NodeCompleted({Literal(step.NodeName)});");
            foreach (var output in step.Outputs.Where(o => o.CatalogAccess is not null))
            {
                w.Line(isAsync
                    ? $"await run.SaveAsync(catalog.{output.CatalogAccess}, {output.Local}, cancellationToken).ConfigureAwait(false);"
                    : $"run.Save(catalog.{output.CatalogAccess}, {output.Local});");
            }
        }

        w.Line();
        if (hasRun) w.Line("run.PipelineCompleted();");
        w.Line($"return new Result({string.Join(", ", pipeline.Results.Select(r => r.Local))});");
        w.Close();
        w.Open("catch (global::System.Exception exception) when (global::Compiled.RunContext.IsNodeFailure(exception))");
        w.Line(hasRun
            ? "throw run.Fail(s_nodeNames, step, exception);"
            : "throw _session.StartRun(Name, runId, savesData: false).Fail(s_nodeNames, step, exception);");
        w.Close();
        if (!hasRun) return;
        w.Open("catch");
        w.Line("// Cancelled, or a pipeline this run called failed and reported it: the run ends without error hooks.");
        w.Line("run.Abandon();");
        w.Line("throw;");
        w.Close();
    }

    /// <summary>
    /// The arguments of <c>Run</c>/<c>RunAsync</c>: the runtime inputs, the catalog's runtime values, <c>inputs</c> when the
    /// pipeline reads catalog inputs, then the parameters, the run id and the token. A pipeline with build errors keeps the
    /// same signature, so that the code calling it still compiles and only the CPL diagnostics show.
    /// </summary>
    /// <param name="byReference">
    /// The synchronous <c>Run</c>: struct inputs are <c>in</c> parameters (<see cref="RuntimeInputModel.IsStruct"/>); a caller
    /// passes them as before, without <c>in</c>. An <c>async</c> <c>RunAsync</c> cannot take them so.
    /// </param>
    private static IEnumerable<string> Arguments(PipelineModel pipeline, ProjectModel project, bool byReference) =>
        pipeline.RuntimeInputs.Select(i => $"{(byReference && i.IsStruct ? "in " : "")}{i.TypeName} {i.ParameterName}")
            .Concat(pipeline.RuntimeValues.Select(v => v.HasDefault ? $"string? {v.ParameterName} = null" : $"string {v.ParameterName}"))
            .Concat(pipeline.InputOverrides.IsEmpty ? Array.Empty<string>() : new[] { $"{Qualified(pipeline.Namespace, pipeline.ClassName)}.Inputs inputs = default" })
            .Concat(new[]
            {
                $"{project.Parameters.TypeName}? parameters = null",
                "string? runId = null",
                "global::System.Threading.CancellationToken cancellationToken = default",
            });

    private static void WriteBrokenRun(SourceWriter w, PipelineModel pipeline, ProjectModel project)
    {
        var error = ThrowBuildErrors(pipeline.Name) + ";";
        foreach (var signature in new[] { "Result Run", "global::System.Threading.Tasks.ValueTask<Result> RunAsync" })
        {
            var arguments = string.Join(", ", Arguments(pipeline, project, byReference: signature == "Result Run"));
            w.Line("/// <summary>Not available: the pipeline has build errors (CPL diagnostics). Fix them to generate its body.</summary>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">Always: the pipeline has build errors.</exception>");
            w.Line($"public {signature}({arguments}) =>");
            w.Line($"    {error}");
            if (signature.StartsWith("Result", StringComparison.Ordinal)) w.Line();
        }
    }

    /// <summary>The throw expression of a member that is not generated because the pipeline has build errors.</summary>
    internal static string ThrowBuildErrors(string pipelineName) =>
        $"throw new global::System.InvalidOperationException({Literal($"Pipeline '{pipelineName}' has build errors; see the CPL diagnostics of this project.")})";

    private static string Qualified(string? @namespace, string name) =>
        string.IsNullOrEmpty(@namespace) ? "global::" + name : $"global::{@namespace}.{name}";

}
