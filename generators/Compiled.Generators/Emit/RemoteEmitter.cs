using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpNames;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits <c>{Pipeline}.Remote.g.cs</c>: a static class of extension methods on <c>RemotePipeline&lt;TPipeline&gt;</c>
/// (a runtime type of <c>Compiled</c>, whatever the transport) that give a remote pipeline the typed shape of the local
/// one — <c>RunAsync(inputs…, runtime values…, parameters, runId)</c> returning the pipeline's <c>Result</c>, <c>SweepAsync</c>
/// over parameters records and, for a pipeline with runtime inputs, <c>BatchAsync</c> over many inputs (each input's value
/// itself for one runtime input; a generated <c>Inputs</c> record for several). The inputs and the parameters record are
/// written, and the result read, through the serving contract's JSON metadata; the catalog's <c>${runtime:…}</c> values
/// travel beside them, as the serving contract's route values do. A pipeline with typed remote values
/// (<see cref="RemoteValuesModel"/>) also gets a <c>RemoteRunShape</c>, with which a transport may carry a single run's
/// inputs and outputs in its own serializer instead.
/// </summary>
/// <remarks>Not emitted for a pipeline with build errors.</remarks>
internal static class RemoteEmitter
{
    /// <summary>Whether <paramref name="pipeline"/> gets a remote file: it has no build errors.</summary>
    public static bool CanRunRemotely(PipelineModel pipeline) => !pipeline.HasErrors;

    public static string Emit(PipelineOutputModel output)
    {
        var pipeline = output.Pipeline;
        var names = new Names(pipeline);
        var self = Qualified(pipeline.Namespace, pipeline.ClassName);
        var types = new Types(self, output.ParametersType);
        var w = SourceWriter.ForFile(pipeline.Namespace);
        w.Line("/// <summary>");
        w.Line($"/// Runs the <c>{Xml(pipeline.Name)}</c> pipeline remotely (on a cluster of silos, for example) with the typed shape of its");
        w.Line($"/// local <c>RunAsync</c>: get a <see cref=\"global::Compiled.RemotePipeline{{TPipeline}}\"/> of <see cref=\"{self}\"/> from a transport");
        w.Line("/// (with Compiled.Orleans: <c>client.Pipeline&lt;" + Xml(pipeline.ClassName) + "&gt;()</c>) and call these.");
        w.Line("/// </summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"{pipeline.Accessibility} static class {pipeline.ClassName}Remote");
        var values = RemoteValuesModel.For(pipeline);
        if (values is not null)
        {
            WriteRunShape(w, pipeline, values, types);
            w.Line();
        }

        WriteRun(w, pipeline, values, names, types);
        w.Line();
        WriteSweep(w, pipeline, names, types);
        if (pipeline.RuntimeInputs.Count > 0)
        {
            w.Line();
            WriteBatch(w, pipeline, names, types);
        }

        if (pipeline.RuntimeInputs.Count > 1)
        {
            w.Line();
            WriteInputsRecord(w, pipeline, names);
        }

        w.Line();
        WriteRequest(w, pipeline, names, types);
        w.Line();
        WriteReadResult(w, pipeline, types);
        w.Close();
        return w.ToString();
    }

    private static void WriteRun(SourceWriter w, PipelineModel pipeline, RemoteValuesModel? values, Names n, Types t)
    {
        w.Line("/// <summary>Runs the pipeline once, remotely, and returns its result.</summary>");
        WriteRemoteParam(w, n);
        PipelineEmitter.WriteRuntimeInputParams(w, pipeline);
        WriteValueParams(w, pipeline);
        w.Line("/// <param name=\"parameters\">The parameters for this run; the remote session's when null.</param>");
        w.Line("/// <param name=\"runId\">The run's id; when null, the remote session names the run as a local one does.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the run where it runs.</param>");
        WriteExceptions(w, single: true);
        w.Line($"public static global::System.Threading.Tasks.Task<{t.Result}> RunAsync(");
        w.Indent();
        w.Line($"this {t.Remote} {n.Remote},");
        foreach (var input in pipeline.RuntimeInputs) w.Line($"{input.TypeName} {input.ParameterName},");
        WriteValueDeclarations(w, pipeline);
        w.Line($"{t.Parameters}? parameters = null,");
        w.Line("string? runId = null,");
        w.Line("global::System.Threading.CancellationToken cancellationToken = default)");
        w.Outdent();
        w.Line("{");
        w.Indent();
        if (values is not null)
        {
            WriteRunBody(w, pipeline, n, t);
            return;
        }

        var arguments = Arguments(pipeline, pipeline.RuntimeInputs.Select(i => i.ParameterName));
        // No state machine of its own: the transport's task is returned, completed with the result read where the reply arrives.
        WriteOrFault(w, n, t, "global::Compiled.RemoteRequest", n.Request,
            $"Request({n.Remote}.JsonOptions, runId, 0, global::Compiled.RemoteParameters.Create({n.Remote}.JsonOptions, parameters){arguments})",
            "An input that cannot be written (no JSON metadata for its type)");
        w.Line($"return {n.Remote}.RunAsync({n.Request}, ReadResult, cancellationToken);");
        w.Close();
    }

    // The body of RunAsync for a pipeline whose run can carry its inputs and outputs typed: the parameters record written, and
    // the run handed to the transport with the pipeline's shape (s_run), which decides between typed values and JSON.
    private static void WriteRunBody(SourceWriter w, PipelineModel pipeline, Names n, Types t)
    {
        WriteOrFault(w, n, t, "global::Compiled.RemoteParameters", n.Run,
            $"global::Compiled.RemoteParameters.Create({n.Remote}.JsonOptions, parameters)",
            "A parameters record that cannot be written (no JSON metadata for a value's type)");
        var inputs = RemoteValuesText.Tuple(pipeline.RuntimeInputs.Select(i => i.ParameterName).ToList());
        w.Line($"return {n.Remote}.RunAsync(s_run, {inputs}, runId, {n.Run}, cancellationToken);");
        w.Close();
    }

    // `local = value;` in a try whose failure RunAsync returns as a faulted task, as an async method would.
    private static void WriteOrFault(SourceWriter w, Names n, Types t, string type, string local, string value, string what)
    {
        w.Line($"{type} {local};");
        w.Open("try");
        w.Line($"{local} = {value};");
        w.Close();
        w.Open($"catch (global::System.Exception {n.Exception})");
        w.Line($"// {what} faults the task, as from an async method.");
        w.Line($"return global::System.Threading.Tasks.Task.FromException<{t.Result}>({n.Exception});");
        w.Close();
        w.Line();
    }

    // How RunAsync travels (RemoteRunShape): the types a transport must serialize to carry the values typed, and the JSON
    // request and reply, and the Result from typed outputs, otherwise. The lambdas are static: made once, with the field.
    private static void WriteRunShape(SourceWriter w, PipelineModel pipeline, RemoteValuesModel values, Types t)
    {
        var (inputsType, outputsType) = (RemoteValuesText.InputsType(values), RemoteValuesText.OutputsType(values));
        var inputs = pipeline.RuntimeInputs.Select((_, i) => ", " + RemoteValuesText.Item("inputs", i, values.Inputs.Count));
        var outputs = pipeline.Results.Select((_, i) => RemoteValuesText.Item("outputs", i, values.Outputs.Count));
        w.Line("/// <summary>How <c>RunAsync</c> travels: its runtime inputs and outputs typed where the transport can serialize them, JSON otherwise.</summary>");
        w.Line($"private static readonly global::Compiled.RemoteRunShape<{inputsType}, {outputsType}, {t.Result}> s_run = new(");
        w.Indent();
        w.Line($"static types => {RemoteValuesText.CanCarry(values, "types")},");
        w.Line($"static (inputs, runId, parameters, options) => Request(options, runId, 0, parameters{string.Join("", inputs)}),");
        w.Line("ReadResult,");
        w.Line($"static outputs => new {t.Result}({string.Join(", ", outputs)}));");
        w.Outdent();
    }

    private static void WriteSweep(SourceWriter w, PipelineModel pipeline, Names n, Types t)
    {
        w.Line("/// <summary>");
        w.Line("/// Runs the pipeline once per parameters record, spread over the remote silos, and yields each run as it completes:");
        w.Line("/// its run id (<c>{prefix}-{index}</c>), its parameters and its result or failure. A failed run does not stop the others.");
        w.Line("/// </summary>");
        WriteRemoteParam(w, n);
        w.Line("/// <param name=\"parameters\">One parameters record per run.</param>");
        PipelineEmitter.WriteRuntimeInputParams(w, pipeline);
        WriteValueParams(w, pipeline);
        w.Line("/// <param name=\"runIdPrefix\">The prefix of the runs' ids; a new unique one when null.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels every run that has not completed.</param>");
        WriteExceptions(w, single: false);
        w.Line($"public static global::System.Collections.Generic.IAsyncEnumerable<global::Compiled.RemoteRun<{t.Parameters}, {t.Result}>> SweepAsync(");
        w.Indent();
        w.Line($"this {t.Remote} {n.Remote},");
        w.Line($"global::System.Collections.Generic.IReadOnlyList<{t.Parameters}> parameters,");
        foreach (var input in pipeline.RuntimeInputs) w.Line($"{input.TypeName} {input.ParameterName},");
        WriteValueDeclarations(w, pipeline);
        w.Line("string? runIdPrefix = null,");
        w.Line("global::System.Threading.CancellationToken cancellationToken = default)");
        w.Outdent();
        w.Line("{");
        w.Indent();
        w.Line("global::System.ArgumentNullException.ThrowIfNull(parameters);");
        w.Line($"var {n.Prefix} = runIdPrefix ?? global::Compiled.RemoteRequest.NewRunId();");
        w.Line($"var {n.Requests} = new global::Compiled.RemoteRequest[parameters.Count];");
        w.Open($"for (var {n.Index} = 0; {n.Index} < {n.Requests}.Length; {n.Index}++)");
        var arguments = Arguments(pipeline, pipeline.RuntimeInputs.Select(i => i.ParameterName));
        w.Line($"var {n.Run} = global::Compiled.RemoteParameters.Create({n.Remote}.JsonOptions, parameters[{n.Index}]);");
        w.Line($"{n.Requests}[{n.Index}] = Request({n.Remote}.JsonOptions, global::Compiled.RemoteRuns.RunId({n.Prefix}, {n.Index}), {n.Index}, {n.Run}{arguments});");
        w.Close();
        w.Line();
        w.Line($"var {n.Replies} = {n.Remote}.RunManyAsync({n.Requests}, chunkSize: 1, cancellationToken);");
        w.Line($"return global::Compiled.RemoteRuns.Read({n.Replies}, parameters, {n.Reply} => ReadResult({n.Reply}, {n.Remote}.JsonOptions), cancellationToken);");
        w.Close();
    }

    private static void WriteBatch(SourceWriter w, PipelineModel pipeline, Names n, Types t)
    {
        var single = pipeline.RuntimeInputs.Count == 1;
        var itemType = single ? pipeline.RuntimeInputs[0].TypeName : Qualified(pipeline.Namespace, pipeline.ClassName + "Remote") + "." + InputsRecord;
        var items = single ? pipeline.RuntimeInputs[0].ParameterName : n.Inputs;
        var what = single ? $"<c>{Xml(pipeline.RuntimeInputs[0].Dataset)}</c> value" : $"<see cref=\"{InputsRecord}\"/> (one value of each runtime input)";
        w.Line("/// <summary>");
        w.Line($"/// Runs the pipeline once per {what}, in chunks spread over the remote silos (a chunk runs on one");
        w.Line("/// silo, one run after the other, with the silo's preloaded artifacts), and yields each run as it completes: its run id");
        w.Line("/// (<c>{prefix}-{index}</c>), its input and its result or failure. A failed run does not stop the others.");
        w.Line("/// </summary>");
        WriteRemoteParam(w, n);
        w.Line(single
            ? $"/// <param name=\"{items.TrimStart('@')}\">One value of the runtime input <c>{Xml(pipeline.RuntimeInputs[0].Dataset)}</c> per run.</param>"
            : $"/// <param name=\"{items}\">One set of runtime inputs per run.</param>");
        WriteValueParams(w, pipeline);
        w.Line("/// <param name=\"parameters\">The parameters of every run; the remote session's when null.</param>");
        w.Line("/// <param name=\"chunkSize\">How many runs travel to a silo together.</param>");
        w.Line("/// <param name=\"runIdPrefix\">The prefix of the runs' ids; a new unique one when null.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels every run that has not completed.</param>");
        WriteExceptions(w, single: false);
        w.Line($"public static global::System.Collections.Generic.IAsyncEnumerable<global::Compiled.RemoteRun<{itemType}, {t.Result}>> BatchAsync(");
        w.Indent();
        w.Line($"this {t.Remote} {n.Remote},");
        w.Line($"global::System.Collections.Generic.IReadOnlyList<{itemType}> {items},");
        WriteValueDeclarations(w, pipeline);
        w.Line($"{t.Parameters}? parameters = null,");
        w.Line("int chunkSize = 1000,");
        w.Line("string? runIdPrefix = null,");
        w.Line("global::System.Threading.CancellationToken cancellationToken = default)");
        w.Outdent();
        w.Line("{");
        w.Indent();
        w.Line($"global::System.ArgumentNullException.ThrowIfNull({items});");
        w.Line($"var {n.Prefix} = runIdPrefix ?? global::Compiled.RemoteRequest.NewRunId();");
        w.Line($"var {n.Run} = global::Compiled.RemoteParameters.Create({n.Remote}.JsonOptions, parameters);");
        w.Line($"var {n.Requests} = new global::Compiled.RemoteRequest[{items}.Count];");
        w.Open($"for (var {n.Index} = 0; {n.Index} < {n.Requests}.Length; {n.Index}++)");
        var inputs = single
            ? new List<string> { $"{items}[{n.Index}]" }
            : InputProperties(pipeline).Select(p => $"{items}[{n.Index}].{p}").ToList();
        w.Line($"{n.Requests}[{n.Index}] = Request({n.Remote}.JsonOptions, global::Compiled.RemoteRuns.RunId({n.Prefix}, {n.Index}), {n.Index}, {n.Run}{Arguments(pipeline, inputs)});");
        w.Close();
        w.Line();
        w.Line($"var {n.Replies} = {n.Remote}.RunManyAsync({n.Requests}, chunkSize, cancellationToken);");
        w.Line($"return global::Compiled.RemoteRuns.Read({n.Replies}, {items}, {n.Reply} => ReadResult({n.Reply}, {n.Remote}.JsonOptions), cancellationToken);");
        w.Close();
    }

    private static void WriteInputsRecord(SourceWriter w, PipelineModel pipeline, Names n)
    {
        var properties = InputProperties(pipeline);
        w.Line("/// <summary>The runtime inputs of one run of <see cref=\"BatchAsync\"/>: one value of each.</summary>");
        for (var i = 0; i < properties.Count; i++)
        {
            w.Line($"/// <param name=\"{properties[i]}\">The runtime input <c>{Xml(pipeline.RuntimeInputs[i].Dataset)}</c>.</param>");
        }

        w.Line(SourceWriter.GeneratedCodeAttribute);
        var fields = string.Join(", ", pipeline.RuntimeInputs.Select((input, i) => $"{input.TypeName} {properties[i]}"));
        w.Line($"public sealed record {InputsRecord}({fields});");
    }

    // The properties of the Inputs record: the inputs' names in PascalCase, made unique (and never the record's own name).
    private static List<string> InputProperties(PipelineModel pipeline)
    {
        var properties = new List<string>();
        foreach (var input in pipeline.RuntimeInputs)
        {
            var property = Naming.ToPascalCase(input.Dataset);
            if (property == InputsRecord) property += "Value";
            while (properties.Contains(property)) property += "Input";
            properties.Add(property);
        }

        return properties;
    }

    private static void WriteRequest(SourceWriter w, PipelineModel pipeline, Names n, Types t)
    {
        w.Line("/// <summary>One run's request: the runtime inputs as the JSON body the pipeline's serving contract reads.</summary>");
        var inputs = string.Join("", pipeline.RuntimeInputs.Select(i => $", {i.TypeName} {i.ParameterName}"))
            + string.Join("", pipeline.RuntimeValues.Select(v => $", string? {v.ParameterName}"));
        w.Line($"private static global::Compiled.RemoteRequest Request(global::System.Text.Json.JsonSerializerOptions {n.Options}, string? runId, int {n.Index}, global::Compiled.RemoteParameters parameters{inputs}) =>");
        w.Indent();
        w.Line($"new global::Compiled.RemoteBody({n.Options})");
        w.Indent();
        foreach (var input in pipeline.RuntimeInputs)
        {
            w.Line($".Input({Literal(input.Dataset)}, {input.ParameterName})");
        }

        foreach (var value in pipeline.RuntimeValues)
        {
            w.Line($".RuntimeValue({Literal(value.Name)}, {value.ParameterName})");
        }

        w.Line($".ToRequest(runId, {n.Index}, parameters);");
        w.Outdent();
        w.Outdent();
    }

    private static void WriteReadResult(SourceWriter w, PipelineModel pipeline, Types t)
    {
        w.Line("/// <summary>The typed result of a reply: one output per property of the JSON object the serving contract wrote.</summary>");
        w.Open($"private static {t.Result} ReadResult(global::Compiled.RemoteReply reply, global::System.Text.Json.JsonSerializerOptions options)");
        if (pipeline.Results.IsEmpty)
        {
            w.Line("_ = global::Compiled.RemoteOutputs.Read(reply, options);");
            w.Line("return new();");
            w.Close();
            return;
        }

        w.Line("var outputs = global::Compiled.RemoteOutputs.Read(reply, options);");
        w.Line($"return new {t.Result}(");
        w.Indent();
        for (var i = 0; i < pipeline.Results.Count; i++)
        {
            var output = pipeline.Results[i];
            w.Line($"outputs.Get<{output.TypeName}>({Literal(output.Dataset)}){(i < pipeline.Results.Count - 1 ? "," : ");")}");
        }

        w.Outdent();
        w.Close();
    }

    private static void WriteRemoteParam(SourceWriter w, Names n) =>
        w.Line($"/// <param name=\"{n.Remote}\">The remote pipeline.</param>");

    private static void WriteValueParams(SourceWriter w, PipelineModel pipeline)
    {
        foreach (var value in pipeline.RuntimeValues)
        {
            var when = value.HasDefault ? "; the catalog's default when null" : "";
            w.Line($"/// <param name=\"{value.ParameterName.TrimStart('@')}\">The catalog's runtime value <c>{Xml(value.Name)}</c> (<c>${{runtime:{Xml(value.Name)}}}</c>){when}.</param>");
        }
    }

    // Required values first, as the local Run takes them, then those with a default.
    private static void WriteValueDeclarations(SourceWriter w, PipelineModel pipeline)
    {
        foreach (var value in pipeline.RuntimeValues)
        {
            w.Line(value.HasDefault ? $"string? {value.ParameterName} = null," : $"string {value.ParameterName},");
        }
    }

    // The arguments of Request after its parameters argument: the runtime inputs, then the runtime values.
    private static string Arguments(PipelineModel pipeline, IEnumerable<string> inputs) =>
        string.Join("", inputs.Concat(pipeline.RuntimeValues.Select(v => v.ParameterName)).Select(a => ", " + a));

    private static void WriteExceptions(SourceWriter w, bool single)
    {
        if (single)
        {
            w.Line("/// <exception cref=\"global::Compiled.RemoteRunException\">The run failed; names the node, the run id and the silo.</exception>");
        }

        w.Line("/// <exception cref=\"global::Compiled.RemotePipelineException\">No silo serves the pipeline, or the cluster cannot be reached.</exception>");
    }

    /// <summary>The name of the record of one run's runtime inputs, for a pipeline with several.</summary>
    private const string InputsRecord = "Inputs";

    /// <summary>The C# types the remote members name.</summary>
    private sealed class Types(string self, string parameters)
    {
        public string Remote { get; } = $"global::Compiled.RemotePipeline<{self}>";

        public string Result { get; } = $"{self}.{GeneratedNames.ResultType}";

        public string Parameters { get; } = parameters;
    }

    /// <summary>
    /// Names of the generated parameters and locals beside the runtime inputs (whose names come from the catalog): each
    /// suffixed with <c>_</c> until no input has that name.
    /// </summary>
    private sealed class Names
    {
        private readonly HashSet<string> _taken;

        public Names(PipelineModel pipeline)
        {
            _taken = new HashSet<string>(
                pipeline.RuntimeInputs.Select(i => i.ParameterName).Concat(pipeline.RuntimeValues.Select(v => v.ParameterName)), StringComparer.Ordinal);
            Remote = Unique("remote");
            Request = Unique("request");
            Reply = Unique("reply");
            Replies = Unique("replies");
            Requests = Unique("requests");
            Prefix = Unique("prefix");
            Index = Unique("index");
            Run = Unique("runParameters");
            Inputs = Unique("inputs");
            Exception = Unique("exception");
            Options = Unique("options");
        }

        public string Options { get; }

        public string Remote { get; }

        public string Request { get; }

        public string Reply { get; }

        public string Replies { get; }

        public string Requests { get; }

        public string Prefix { get; }

        public string Index { get; }

        public string Run { get; }

        public string Inputs { get; }

        public string Exception { get; }

        private string Unique(string name)
        {
            while (!_taken.Add(name)) name += "_";
            return name;
        }
    }
}
