using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpNames;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits the serving contracts, each in a file of its own: <c>{Pipeline}.Contract.g.cs</c> implements
/// <c>IPipelineContract&lt;TSelf&gt;</c> on every pipeline (its runtime inputs, runtime values and outputs,
/// and a run from a request that reads the inputs from JSON and writes the result as JSON), and
/// <c>{Project}Session.Contract.g.cs</c> implements <c>ISessionContract&lt;TSelf&gt;</c> on the session
/// (create, preload by name, the list of pipelines). Hosts such as <c>Compiled.Hosting</c> use them
/// instead of reflection.
/// </summary>
internal static class ContractEmitter
{
    public static string EmitSession(SessionOutputModel project)
    {
        var info = project.Info;
        var session = Qualified(info.Namespace, info.ProjectName + "Session");
        var contract = $"global::Compiled.ISessionContract<{session}>";
        // Only artifacts can be preloaded: runs share them; every other input is loaded by each run that reads it.
        // An artifact whose entry takes ${runtime:…} values is built per run and cannot be preloaded by name.
        var artifacts = project.Artifacts;

        var w = SourceWriter.ForFile(info.Namespace);
        // No [GeneratedCode] here: the session's own generated file marks the type, and the attribute cannot be repeated.
        w.Line("// How hosts create the session, preload its artifacts by name and find its pipelines (ISessionContract).");
        w.Open($"partial class {info.ProjectName}Session : {contract}");
        w.Line($"private static readonly string[] s_artifacts = [{string.Join(", ", artifacts.Select(a => Literal(a.Name)))}];");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"static {session} {contract}.Create(global::Compiled.SessionOptions options) => new(options);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"static global::System.Collections.Generic.IReadOnlyList<string> {contract}.Artifacts => s_artifacts;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Open($"static void {contract}.DescribePipelines(global::Compiled.IPipelineRegistry<{session}> registry)");
        foreach (var pipeline in project.Pipelines)
        {
            var pipelineType = Qualified(pipeline.Namespace, pipeline.ClassName);
            var typeArguments = pipeline.RemoteValues is { } values
                ? $"{pipelineType}, {RemoteValuesText.InputsType(values)}, {RemoteValuesText.OutputsType(values)}"
                : pipelineType;
            w.Line($"registry.Add<{typeArguments}>(static session => session.{pipeline.PropertyName});");
        }

        w.Close();
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Open($"void {contract}.Preload(string artifact)");
        w.Open("switch (artifact)");
        foreach (var artifact in artifacts)
        {
            w.Line($"case {Literal(artifact.Name)}:");
            w.Line($"    Preload(Catalog.{artifact.CatalogProperty});");
            w.Line("    break;");
        }

        w.Line("default:");
        w.Line("    throw UnknownArtifact(artifact);");
        w.Close();
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Open($"bool {contract}.IsPreloaded(string artifact) => artifact switch");
        foreach (var artifact in artifacts)
        {
            w.Line($"{Literal(artifact.Name)} => IsPreloaded(Catalog.{artifact.CatalogProperty}),");
        }

        w.Line("_ => throw UnknownArtifact(artifact),");
        w.Close(";");
        w.Line();
        w.Line("private static global::System.ArgumentException UnknownArtifact(string artifact) =>");
        var known = artifacts.IsEmpty ? "declare none" : "declare " + string.Join(", ", artifacts.Select(a => a.Name));
        w.Line($"    new(\"No pipeline declares the artifact '\" + artifact + \"'; the project's pipelines {known}.\", \"artifact\");");
        w.Close();
        return w.ToString();
    }

    public static string EmitPipeline(PipelineOutputModel model)
    {
        var pipeline = model.Pipeline;
        var self = Qualified(pipeline.Namespace, pipeline.ClassName);
        var contract = $"global::Compiled.IPipelineContract<{self}>";
        var w = SourceWriter.ForFile(pipeline.Namespace);
        // No [GeneratedCode] here: the pipeline's own generated file marks the type, and the attribute cannot be repeated.
        var remoteValues = RemoteValuesModel.For(pipeline);
        if (remoteValues is null)
        {
            w.Line($"// How hosts serve {pipeline.Name}: its runtime inputs and values, its outputs, and a run from a JSON request (IPipelineContract).");
            w.Open($"partial class {pipeline.ClassName} : {contract}");
        }
        else
        {
            w.Line($"// How hosts serve {pipeline.Name}: its runtime inputs and values, its outputs, and a run from a JSON request (IPipelineContract)");
            w.Line("// or from typed runtime inputs (IRemoteRunContract).");
            w.Open($"partial class {pipeline.ClassName} : {contract}, {RemoteValuesText.Contract(self, remoteValues)}");
        }

        WriteFields(w, "s_runtimeInputs", pipeline.RuntimeInputs.Select(i => Field(i.TypeName, i.Dataset, isRequired: !IsNullable(i.TypeName))));
        WriteFields(w, "s_runtimeValues", pipeline.RuntimeValues.Select(v => Field("string", v.Name, isRequired: !v.HasDefault)));
        WriteFields(w, "s_outputs", pipeline.Results.Select(r => Field(r.TypeName, r.Dataset, isRequired: false)));
        w.Line("/// <inheritdoc />");
        w.Line($"static string {contract}.PipelineName => Name;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"static global::System.Collections.Generic.IReadOnlyList<global::Compiled.PipelineField> {contract}.RuntimeInputs => s_runtimeInputs;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"static global::System.Collections.Generic.IReadOnlyList<global::Compiled.PipelineField> {contract}.RuntimeValues => s_runtimeValues;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"static global::System.Collections.Generic.IReadOnlyList<global::Compiled.PipelineField> {contract}.Outputs => s_outputs;");
        w.Line();
        if (pipeline.HasErrors)
        {
            w.Line("/// <summary>Not available: the pipeline has build errors (CPL diagnostics). Fix them to generate it.</summary>");
            w.Line($"static global::System.Threading.Tasks.ValueTask {contract}.RunRequestAsync({self} pipeline, global::Compiled.PipelineRequest request, global::System.Threading.CancellationToken cancellationToken) =>");
            w.Line($"    {PipelineEmitter.ThrowBuildErrors(pipeline.Name)};");
            w.Close();
            return w.ToString();
        }

        var locals = new Locals(pipeline);
        WriteRunRequest(w, model, pipeline, self, contract, locals);
        if (remoteValues is not null)
        {
            w.Line();
            WriteRunRemote(w, model, pipeline, self, remoteValues);
        }

        if (!pipeline.RuntimeInputs.IsEmpty)
        {
            w.Line();
            WriteReadRuntimeInputs(w, pipeline, locals);
        }

        w.Close();
        return w.ToString();
    }

    private static void WriteRunRequest(SourceWriter w, PipelineOutputModel model, PipelineModel pipeline, string self, string contract, Locals locals)
    {
        var (request, instance) = (locals.Request, locals.Pipeline);
        var signature = $"{contract}.RunRequestAsync({self} {instance}, global::Compiled.PipelineRequest {request}, global::System.Threading.CancellationToken cancellationToken)";
        var awaits = PipelineEmitter.Awaits(pipeline);
        OpenRunMethod(w, awaits, "global::System.Threading.Tasks.ValueTask", signature);

        if (pipeline.RuntimeInputs.IsEmpty)
        {
            w.Line($"{request}.ReadNoInputs();");
        }
        else
        {
            var outs = string.Join(", ", pipeline.RuntimeInputs.Select(i => $"out var {i.ParameterName}"));
            w.Line($"ReadRuntimeInputs({request}, {outs});");
        }

        // A whole record (a remote run's typed parameters) replaces the session's; overrides apply on top.
        w.Line($"var parameters = {request}.ReadParameters<{model.ParametersType}>();");
        w.Line($"if ({request}.ParameterOverrides.Count > 0) parameters = (parameters ?? {instance}.{GeneratedNames.SessionField}.Parameters).WithOverrides({request}.ParameterOverrides);");
        var arguments = pipeline.RuntimeInputs.Select(i => $"{i.ParameterName}: {i.ParameterName}")
            .Concat(pipeline.RuntimeValues.Select(v => v.HasDefault
                ? $"{v.ParameterName}: {request}.GetRuntimeValue({Literal(v.Name)})"
                : $"{v.ParameterName}: {request}.RequireRuntimeValue({Literal(v.Name)})"))
            .Concat(new[] { "parameters: parameters", $"runId: {request}.RunId", "cancellationToken: cancellationToken" })
            .ToList();
        WriteRunCall(w, awaits, instance, arguments);
        w.Line();
        w.Line($"{request}.Response.WriteStartObject();");
        for (var i = 0; i < pipeline.Results.Count; i++)
        {
            w.Line($"{request}.WriteOutput(s_outputs[{i}], result.{pipeline.Results[i].PropertyName});");
        }

        w.Line($"{request}.Response.WriteEndObject();");
        if (!awaits) w.Line("return default;");
        CloseRunMethod(w, awaits, "global::System.Threading.Tasks.ValueTask.FromException(exception)");
    }

    // The run from typed runtime inputs: the local run called with them, its outputs returned as they travel. The method's
    // parameters are its own names; the runtime inputs are passed as named arguments, so no input's name can collide with them.
    private static void WriteRunRemote(SourceWriter w, PipelineOutputModel model, PipelineModel pipeline, string self, RemoteValuesModel values)
    {
        var (inputsType, outputsType) = (RemoteValuesText.InputsType(values), RemoteValuesText.OutputsType(values));
        var signature = $"{RemoteValuesText.Contract(self, values)}.RunRemoteAsync({self} pipeline, {inputsType} inputs, " +
            "global::Compiled.RemoteRunArguments run, global::System.Threading.CancellationToken cancellationToken)";
        var awaits = PipelineEmitter.Awaits(pipeline);
        OpenRunMethod(w, awaits, $"global::System.Threading.Tasks.ValueTask<{outputsType}>", signature);

        var arguments = pipeline.RuntimeInputs
            .Select((input, i) => $"{input.ParameterName}: {RemoteValuesText.Item("inputs", i, values.Inputs.Count)}")
            .Concat(new[] { $"parameters: run.ReadParameters<{model.ParametersType}>()", "runId: run.RunId", "cancellationToken: cancellationToken" })
            .ToList();
        WriteRunCall(w, awaits, "pipeline", arguments);
        var outputs = RemoteValuesText.Tuple(pipeline.Results.Select(r => "result." + r.PropertyName).ToList());
        w.Line(awaits ? $"return {outputs};" : $"return new({outputs});");
        CloseRunMethod(w, awaits, $"global::System.Threading.Tasks.ValueTask.FromException<{outputsType}>(exception)");
    }

    // Opens a static run method: async when the pipeline awaits; otherwise synchronous, its body in a try whose failure the
    // caller returns in the ValueTask.
    private static void OpenRunMethod(SourceWriter w, bool awaits, string returnType, string signature)
    {
        w.Line("/// <inheritdoc />");
        if (awaits)
        {
            w.Open($"static async {returnType} {signature}");
            return;
        }

        w.Open($"static {returnType} {signature}");
        w.Line("// Run completes synchronously: no state machine; a failure comes back in the ValueTask, as from an async method.");
        w.Open("try");
    }

    // Closes what OpenRunMethod opened: for a synchronous run, the try and a catch that returns failed (the faulted ValueTask).
    private static void CloseRunMethod(SourceWriter w, bool awaits, string failed)
    {
        if (!awaits)
        {
            w.Close();
            w.Open("catch (global::System.Exception exception)");
            w.Line($"return {failed};");
            w.Close();
        }

        w.Close();
    }

    // var result = pipeline.Run(…) (or await …RunAsync(…)), one named argument per line.
    private static void WriteRunCall(SourceWriter w, bool awaits, string instance, IReadOnlyList<string> arguments)
    {
        w.Line(awaits ? $"var result = await {instance}.RunAsync(" : $"var result = {instance}.Run(");
        w.Indent();
        for (var i = 0; i < arguments.Count; i++)
        {
            w.Line(arguments[i] + (i < arguments.Count - 1 ? "," : awaits ? ").ConfigureAwait(false);" : ");"));
        }

        w.Outdent();
    }

    private static void WriteReadRuntimeInputs(SourceWriter w, PipelineModel pipeline, Locals locals)
    {
        var (request, reader) = (locals.Request, locals.Reader);
        w.Line("/// <summary>Reads the runtime inputs from the request body, a JSON object with one property per input.</summary>");
        var parameters = string.Join(", ", pipeline.RuntimeInputs.Select(i => $"out {i.TypeName} {i.ParameterName}"));
        w.Open($"private static void ReadRuntimeInputs(global::Compiled.PipelineRequest {request}, {parameters})");
        foreach (var input in pipeline.RuntimeInputs)
        {
            w.Line($"{input.ParameterName} = default!;");
            w.Line($"var {locals.Seen(input)} = false;");
        }

        w.Line($"var {reader} = {request}.StartBody(s_runtimeInputs);");
        w.Open($"while ({request}.NextInput(ref {reader}))");
        for (var i = 0; i < pipeline.RuntimeInputs.Count; i++)
        {
            var input = pipeline.RuntimeInputs[i];
            var name = Literal(input.Dataset);
            var nullable = IsNullable(input.TypeName) ? "true" : "false";
            w.Line($"{(i == 0 ? "if" : "else if")} ({reader}.ValueTextEquals({name}u8))");
            w.Line($"    {input.ParameterName} = {request}.ReadInput<{input.TypeName}>(ref {reader}, {name}, nullable: {nullable}, ref {locals.Seen(input)});");
        }

        w.Line("else");
        w.Line($"    throw {request}.UnknownInput(ref {reader}, s_runtimeInputs);");
        w.Close();
        foreach (var input in pipeline.RuntimeInputs.Where(i => !IsNullable(i.TypeName)))
        {
            w.Line();
            w.Line($"if (!{locals.Seen(input)}) throw {request}.MissingInput({Literal(input.Dataset)});");
        }

        w.Close();
    }

    private static void WriteFields(SourceWriter w, string field, IEnumerable<string> values)
    {
        var items = values.ToList();
        if (items.Count == 0)
        {
            w.Line($"private static readonly global::Compiled.PipelineField[] {field} = [];");
            w.Line();
            return;
        }

        w.Line($"private static readonly global::Compiled.PipelineField[] {field} =");
        w.Line("[");
        w.Indent();
        foreach (var item in items) w.Line(item + ",");
        w.Outdent();
        w.Line("];");
        w.Line();
    }

    private static string Field(string typeName, string name, bool isRequired) =>
        $"global::Compiled.PipelineField.Create<{typeName}>({Literal(name)}, isRequired: {(isRequired ? "true" : "false")})";

    /// <summary>
    /// Names of the generated locals and parameters that sit beside the runtime inputs and values (whose
    /// names come from the catalog): <c>request</c>, <c>reader</c>, <c>pipeline</c>, <c>hasFeatures</c>, each suffixed with
    /// <c>_</c> until no input or value has that name.
    /// </summary>
    private sealed class Locals
    {
        private readonly HashSet<string> _taken;
        private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

        public Locals(PipelineModel pipeline)
        {
            _taken = new HashSet<string>(
                pipeline.RuntimeInputs.Select(i => i.ParameterName).Concat(pipeline.RuntimeValues.Select(v => v.ParameterName)),
                StringComparer.Ordinal);
            Request = Unique("request");
            Reader = Unique("reader");
            Pipeline = Unique("pipeline");
            foreach (var input in pipeline.RuntimeInputs)
            {
                _seen[input.ParameterName] = Unique("has" + Naming.ToPascalCase(input.ParameterName.TrimStart('@')));
            }
        }

        public string Request { get; }

        public string Reader { get; }

        public string Pipeline { get; }

        /// <summary>The local that records whether <paramref name="input"/> was read: <c>features</c> → <c>hasFeatures</c>.</summary>
        public string Seen(RuntimeInputModel input) => _seen[input.ParameterName];

        private string Unique(string name)
        {
            while (!_taken.Add(name)) name += "_";
            return name;
        }
    }

    private static bool IsNullable(string typeName) => typeName.EndsWith("?", StringComparison.Ordinal);
}
