using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpNames;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits the second generated half of a <c>[Pipeline]</c> class, for runs that are not the straight line of
/// <see cref="PipelineEmitter"/>: the pipeline's graph as static data (<c>Definition</c>), <c>ExecuteAsync</c>, and a
/// nested <c>Execution</c> class with one field per dataset and one method per node that the runtime's
/// <c>PipelineRunner</c> calls by index for filtered, parallel, only-missing-outputs and resumed runs. Also the session's
/// list of its pipelines. No reflection: every node is still a direct call.
/// </summary>
internal static class PipelineStepsEmitter
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string Definitions = "global::Compiled.Pipelines";
    private const string Runners = "global::Compiled.Runners";

    public static string Emit(PipelineOutputModel output)
    {
        var pipeline = output.Pipeline;
        var w = SourceWriter.ForFile(pipeline.Namespace);
        var graph = pipeline.HasErrors ? null : new ExecutionNames(pipeline);
        w.Open($"partial class {pipeline.ClassName} : {Definitions}.IPipeline");
        WriteDefinition(w, output, pipeline);
        w.Line($"{Definitions}.PipelineDefinition {Definitions}.IPipeline.Definition => {GeneratedNames.DefinitionProperty};");
        w.Line();
        w.Line($"global::Compiled.Session {Definitions}.IPipeline.Session => {GeneratedNames.SessionField};");
        w.Line();
        WriteExecuteAsync(w, pipeline, output, graph);
        if (graph is not null)
        {
            w.Line();
            WriteExecution(w, pipeline, output, graph);
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>The session's <c>Pipelines</c> and <c>ParameterPaths</c>, for the command line.</summary>
    public static string EmitSession(SessionOutputModel project)
    {
        var info = project.Info;
        var w = SourceWriter.ForFile(info.Namespace);
        w.Open($"partial class {info.ProjectName}Session");
        w.Line($"private {Definitions}.IPipeline[]? _pipelines;");
        w.Line();
        w.Line($"/// <summary>The project's pipelines: {string.Join(", ", project.Pipelines.Select(p => $"<c>{Xml(p.Name)}</c>"))}.</summary>");
        w.Line($"public override global::System.Collections.Generic.IReadOnlyList<{Definitions}.IPipeline> Pipelines =>");
        w.Line($"    _pipelines ??= [{string.Join(", ", project.Pipelines.Select(p => p.PropertyName))}];");
        w.Line();
        w.Line("/// <summary>Every parameter path a <c>--params</c> override can set.</summary>");
        w.Line($"public override global::System.Collections.Generic.IReadOnlyList<string> ParameterPaths => {project.Parameters.TypeName}.OverridablePaths;");
        w.Close();
        return w.ToString();
    }

    private static void WriteDefinition(SourceWriter w, PipelineOutputModel output, PipelineModel pipeline)
    {
        w.Line("/// <summary>");
        w.Line($"/// The graph of <c>{Xml(pipeline.Name)}</c>: its nodes in run order with their inputs, outputs, parameters, tags,");
        w.Line("/// namespace and declaration, its datasets, and the parameters its nodes bind. Filters, runners and the command line read it.");
        w.Line("/// </summary>");
        if (pipeline.HasErrors)
        {
            w.Line($"public static {Definitions}.PipelineDefinition {GeneratedNames.DefinitionProperty} {{ get; }} = new(Name, [], []);");
            w.Line();
            return;
        }

        w.Line($"public static {Definitions}.PipelineDefinition {GeneratedNames.DefinitionProperty} {{ get; }} = new(");
        w.Indent();
        w.Line("Name,");
        w.Line("[");
        w.Indent();
        var sources = output.NodeSources.ToDictionary(s => s.Method, StringComparer.Ordinal);
        foreach (var node in pipeline.Nodes)
        {
            var line = $"new({Literal(node.Name)}, @namespace: {(node.Namespace is null ? "null" : Literal(node.Namespace))}, tags: {List(node.Tags)}, " +
                $"inputs: {List(node.Inputs)}, outputs: {List(node.Outputs)}, parameters: {List(node.Parameters)}" +
                (node.Await != AwaitKind.None ? ", isAsync: true" : "");
            if (sources.TryGetValue(node.Method, out var source))
            {
                w.Line(line + ",");
                w.Line($"    source: new({Literal(source.File)}, {source.Line}, {Literal(source.Signature)})),");
            }
            else
            {
                w.Line(line + "),");
            }
        }

        w.Outdent();
        w.Line("],");
        w.Line("[");
        w.Indent();
        foreach (var dataset in pipeline.Datasets)
        {
            var line = $"new({Literal(dataset.Name)}, {Definitions}.DatasetStorage.{dataset.Storage}, {(dataset.Kind is null ? "null" : Literal(dataset.Kind))}, {Literal(Naming.DisplayType(dataset.Type.Name))}";
            if (dataset.IsArtifact) line += ", isArtifact: true";
            var required = dataset.Entry?.RuntimeValues.Where(v => !v.HasDefault).Select(v => v.Name).ToList() ?? [];
            if (required.Count > 0) line += $", requiredRuntimeValues: {List(required)}";
            w.Line(line + "),");
        }

        w.Outdent();
        var bound = new HashSet<string>(pipeline.Nodes.SelectMany(n => n.Parameters), StringComparer.Ordinal);
        var parameters = output.ParameterValues.Where(p => bound.Contains(p.Path)).ToList();
        if (parameters.Count == 0)
        {
            w.Line("]);");
        }
        else
        {
            w.Line("],");
            w.Line("[");
            w.Indent();
            foreach (var parameter in parameters)
            {
                w.Line($"new({Literal(parameter.Path)}, {Literal(Naming.DisplayType(parameter.TypeName))}, {(parameter.Json is null ? "null" : Literal(parameter.Json))}),");
            }

            w.Outdent();
            w.Line("]);");
        }

        w.Outdent();
        w.Line();
    }

    private static void WriteExecuteAsync(SourceWriter w, PipelineModel pipeline, PipelineOutputModel output, ExecutionNames? graph)
    {
        var parametersType = output.ParametersType;
        w.Line("/// <summary>");
        w.Line($"/// Runs the nodes of <c>{Xml(pipeline.Name)}</c> that <paramref name=\"options\"/> selects (Kedro's filters), sequentially or in");
        w.Line("/// parallel, optionally only those whose persisted outputs are missing. A run of every node with the sequential");
        w.Line("/// runner is <c>RunAsync</c>; any other loads what no selected node produces and releases each value when no node");
        w.Line("/// left reads it.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"options\">Which nodes, which runner, parameter overrides, runtime values, inputs and run id; every node, sequentially, when null.</param>");
        w.Line("/// <param name=\"parameters\">The parameters for this run (before <c>options.ParameterOverrides</c>); the session's when null.</param>");
        w.Line("/// <param name=\"cancellationToken\">Stops the run between nodes, and inside nodes that take it.</param>");
        w.Line("/// <returns>Which nodes ran and which were skipped.</returns>");
        w.Line($"/// <exception cref=\"{Definitions}.PipelineSelectionException\">The filters name something the pipeline does not have, or a node to run reads something that cannot be had; no node ran.</exception>");
        w.Line("/// <exception cref=\"global::Compiled.PipelineRunException\">A node failed; names it, lists what did not run and the command that resumes.</exception>");
        w.Line($"public {Task}<{Runners}.RunSummary> ExecuteAsync(");
        w.Line($"    {Runners}.RunOptions? options = null,");
        w.Line($"    {parametersType}? parameters = null,");
        w.Line($"    {CancellationToken} cancellationToken = default)");
        w.Line("{");
        w.Indent();
        if (graph is null)
        {
            w.Line($"{PipelineEmitter.ThrowBuildErrors(pipeline.Name)};");
        }
        else
        {
            w.Line($"options ??= {Runners}.RunOptions.Default;");
            w.Line($"parameters ??= {GeneratedNames.SessionField}.Parameters;");
            w.Line("if (options.ParameterOverrides.Count > 0) parameters = parameters.WithOverrides(options.ParameterOverrides);");
            w.Line($"return {Runners}.PipelineRunner.RunAsync(new {GeneratedNames.ExecutionClass}(this, options, parameters), cancellationToken);");
        }

        w.Outdent();
        w.Line("}");
        w.Line();
        w.Line($"{Task}<{Runners}.RunSummary> {Definitions}.IPipeline.ExecuteAsync({Runners}.RunOptions options, {CancellationToken} cancellationToken) =>");
        w.Line("    ExecuteAsync(options, parameters: null, cancellationToken);");
    }

    private static void WriteExecution(SourceWriter w, PipelineModel pipeline, PipelineOutputModel output, ExecutionNames names)
    {
        var info = output.Info;
        var catalogType = Qualified(info.Namespace, info.ProjectName + "Catalog");
        var parametersType = output.ParametersType;
        var usesCatalog = pipeline.Datasets.Any(d => d.CatalogEntry is not null);
        var usesParameters = pipeline.Nodes.Any(n => n.Arguments.Any(a => a.IsBoundParameter));
        var canRunAll = pipeline.RuntimeInputs.IsEmpty;
        // The pipeline's artifact slots by dataset name: an artifact is read from the slot, as in the straight-line run.
        var artifactSlots = PipelineEmitter.Artifacts(pipeline).ToDictionary(a => a.Name, PipelineEmitter.ArtifactField, StringComparer.Ordinal);
        var keepsPipeline = canRunAll || pipeline.Datasets.Any(d => d.IsArtifact && artifactSlots.ContainsKey(d.Name));

        w.Line($"/// <summary>One node-by-node run of <c>{Xml(pipeline.Name)}</c>: a field per dataset, a method per node.</summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"private sealed class {GeneratedNames.ExecutionClass} : {Runners}.PipelineExecution");
        if (keepsPipeline) w.Line($"private readonly {pipeline.ClassName} {GeneratedNames.ExecutionPipelineField};");
        if (usesCatalog) w.Line($"private readonly {catalogType} {GeneratedNames.ExecutionCatalogField};");
        if (usesParameters) w.Line($"private readonly {parametersType} {GeneratedNames.ExecutionParametersField};");
        foreach (var value in pipeline.RuntimeValues) w.Line($"private readonly string? {names.Field(value)};");
        foreach (var dataset in pipeline.Datasets) w.Line($"private {dataset.Type.Name} {names.Field(dataset)} = default!;");
        w.Line();

        w.Line($"public {GeneratedNames.ExecutionClass}({pipeline.ClassName} pipeline, {Runners}.RunOptions options, {parametersType} parameters)");
        w.Line($"    : base(pipeline.{GeneratedNames.SessionField}, {pipeline.ClassName}.{GeneratedNames.DefinitionProperty}, options)");
        w.Line("{");
        w.Indent();
        if (keepsPipeline) w.Line($"{GeneratedNames.ExecutionPipelineField} = pipeline;");
        if (usesCatalog) w.Line($"{GeneratedNames.ExecutionCatalogField} = pipeline.{GeneratedNames.SessionField}.Catalog;");
        if (usesParameters) w.Line($"{GeneratedNames.ExecutionParametersField} = parameters;");
        foreach (var value in pipeline.RuntimeValues) w.Line($"{names.Field(value)} = RuntimeValue({Literal(value.Name)});");
        w.Outdent();
        w.Line("}");

        if (canRunAll)
        {
            w.Line();
            w.Line("public override bool CanRunAll => true;");
            w.Line();
            var arguments = pipeline.RuntimeValues.Select(v => $"{v.ParameterName}: {names.Field(v)}{(v.HasDefault ? "" : "!")}")
                .Concat(usesParameters ? new[] { $"parameters: {GeneratedNames.ExecutionParametersField}" } : Array.Empty<string>())
                .Concat(new[] { "runId: runId", "cancellationToken: cancellationToken" });
            w.Open($"public override async {ValueTask} RunAllAsync(string runId, {CancellationToken} cancellationToken)");
            w.Line($"await {GeneratedNames.ExecutionPipelineField}.RunAsync({string.Join(", ", arguments)}).ConfigureAwait(false);");
            w.Close();
        }

        w.Line();
        w.Line($"public override {ValueTask} RunNodeAsync(int node, {CancellationToken} cancellationToken) => node switch");
        w.Line("{");
        w.Indent();
        for (var i = 0; i < pipeline.Nodes.Count; i++) w.Line($"{i} => {names.StepMethod(i)}(cancellationToken),");
        w.Line("_ => throw new global::System.ArgumentOutOfRangeException(\"node\"),");
        w.Outdent();
        w.Line("};");

        WriteLoad(w, pipeline, names, artifactSlots);
        WriteExists(w, pipeline, names);
        WriteRelease(w, pipeline, names);
        var datasets = pipeline.DatasetsByName();
        for (var i = 0; i < pipeline.Nodes.Count; i++) WriteStep(w, pipeline, datasets, names, i);
        w.Close();
    }

    private static void WriteLoad(SourceWriter w, PipelineModel pipeline, ExecutionNames names, Dictionary<string, string> artifactSlots)
    {
        w.Line();
        if (pipeline.Datasets.IsEmpty)
        {
            w.Line($"public override {ValueTask} LoadAsync(int dataset, {CancellationToken} cancellationToken) =>");
            w.Line("    throw new global::System.ArgumentOutOfRangeException(\"dataset\");");
            return;
        }

        var awaits = pipeline.Datasets.Any(d => d.CatalogEntry is not null && !d.IsArtifact);
        w.Open($"public override {(awaits ? "async " : "")}{ValueTask} LoadAsync(int dataset, {CancellationToken} cancellationToken)");
        w.Open("switch (dataset)");
        for (var i = 0; i < pipeline.Datasets.Count; i++)
        {
            var dataset = pipeline.Datasets[i];
            var field = names.Field(dataset);
            w.Line($"case {i}: // {Comment(dataset.Name)}");
            w.Indent();
            if (dataset.CatalogEntry is null)
            {
                // No catalog entry (or a runtime input): only the caller can give it.
                w.Line($"{field} = RequireInput<{dataset.Type.Name}>({Literal(dataset.Name)});");
            }
            else if (dataset.IsArtifact && artifactSlots.TryGetValue(dataset.Name, out var slot))
            {
                w.Line($"{field} = {GeneratedNames.ExecutionPipelineField}.{slot}.Get(Run);");
            }
            else if (dataset.IsArtifact)
            {
                w.Line($"{field} = Run.LoadArtifact({GeneratedNames.ExecutionCatalogField}.{names.CatalogMember(dataset)});");
            }
            else
            {
                w.Open($"if (!TryGetInput({Literal(dataset.Name)}, out {field}))");
                w.Line($"{field} = await Run.LoadAsync({GeneratedNames.ExecutionCatalogField}.{names.CatalogMember(dataset)}, cancellationToken).ConfigureAwait(false);");
                w.Close();
                w.Line();
            }

            w.Line("break;");
            w.Outdent();
        }

        w.Line("default:");
        w.Line("    throw new global::System.ArgumentOutOfRangeException(\"dataset\");");
        w.Close();
        if (!awaits)
        {
            w.Line();
            w.Line("return default;");
        }

        w.Close();
    }

    private static void WriteExists(SourceWriter w, PipelineModel pipeline, ExecutionNames names)
    {
        var persisted = pipeline.Datasets.Select((d, i) => (Dataset: d, Index: i)).Where(p => p.Dataset.Storage == DatasetStorage.Persisted && p.Dataset.CatalogEntry is not null).ToList();
        w.Line();
        if (persisted.Count == 0)
        {
            w.Line("public override bool Exists(int dataset) => false;");
            return;
        }

        w.Line("public override bool Exists(int dataset) => dataset switch");
        w.Line("{");
        w.Indent();
        foreach (var (dataset, index) in persisted) w.Line($"{index} => {GeneratedNames.ExecutionCatalogField}.{names.CatalogMember(dataset)}.Exists(),");
        w.Line("_ => false,");
        w.Outdent();
        w.Line("};");
    }

    private static void WriteRelease(SourceWriter w, PipelineModel pipeline, ExecutionNames names)
    {
        w.Line();
        if (pipeline.Datasets.IsEmpty)
        {
            w.Line("public override void Release(int dataset)");
            w.Line("{");
            w.Line("}");
            return;
        }

        w.Open("public override void Release(int dataset)");
        w.Open("switch (dataset)");
        for (var i = 0; i < pipeline.Datasets.Count; i++) w.Line($"case {i}: {names.Field(pipeline.Datasets[i])} = default!; break;");
        w.Close();
        w.Close();
    }

    private static void WriteStep(SourceWriter w, PipelineModel pipeline, Dictionary<string, PlannedDataset> datasets, ExecutionNames names, int index)
    {
        var node = pipeline.Nodes[index];
        var saves = node.Outputs.Select(name => datasets[name]).Where(d => d.IsSaved).ToList();
        var isAsync = node.Await != AwaitKind.None || saves.Count > 0;
        w.Line();
        w.Line($"/// <summary>Node {index + 1}/{pipeline.Nodes.Count}, <c>{Xml(node.Name)}</c>.</summary>");
        w.Open($"private {(isAsync ? "async " : "")}{ValueTask} {names.StepMethod(index)}({CancellationToken} cancellationToken)");
        w.Line($"Run.NodeStarting({Literal(node.Name)});");
        w.Line(NodeCall.Statement(node, GeneratedNames.ExecutionParametersField, names.Field, declare: ""));

        w.Line($"Run.NodeCompleted({Literal(node.Name)});");
        foreach (var save in saves)
        {
            w.Line($"await Run.SaveAsync({GeneratedNames.ExecutionCatalogField}.{names.CatalogMember(save)}, {names.Field(save)}, cancellationToken).ConfigureAwait(false);");
        }

        if (!isAsync) w.Line("return default;");
        w.Close();
    }

    /// <summary>Text for a line comment: no line breaks.</summary>
    private static string Comment(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static string List(IEnumerable<string> items) => items.Any() ? $"[{string.Join(", ", items.Select(Literal))}]" : "[]";
}
