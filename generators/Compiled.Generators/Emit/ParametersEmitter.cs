using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits <c>{Project}Parameters</c>: an immutable record of <c>conf/base/parameters*.yml</c>, with
/// nested records for mappings no <c>[Param]</c> binds to a C# type, and <c>Default</c>: the YAML
/// values bound at compile time.
/// </summary>
internal static class ParametersEmitter
{
    public static string Emit(SessionOutputModel project)
    {
        var parameters = project.Parameters;
        var root = parameters.Records[0];
        var w = SourceWriter.ForFile(project.Info.Namespace);
        w.Line("/// <summary>");
        w.Line($"/// The parameters of {project.Info.ProjectName}, from <c>conf/base/parameters*.yml</c>. Pass a modified copy");
        w.Line("/// (<c>session.Parameters with { … }</c>) to a pipeline's <c>Run</c> to change them for one run.");
        w.Line("/// </summary>");
        WriteRecordHeader(w, root, isRoot: true, terminator: "");
        w.Line("{").Indent();
        w.Line("/// <summary>The values written in <c>conf/base/parameters*.yml</c>, bound at compile time.</summary>");
        BoundValueText.Write(w, $"public static {parameters.TypeName} Default {{ get; }} = ", parameters.DefaultValue, ";");
        WriteOverrides(w, parameters);
        foreach (var record in parameters.Records.Skip(1))
        {
            w.Line();
            w.Line($"/// <summary>The <c>{Xml(record.YamlPath)}</c> parameters.</summary>");
            WriteRecordHeader(w, record, isRoot: false, terminator: ";");
        }

        w.Close();
        return w.ToString();
    }

    private static void WriteOverrides(SourceWriter w, ParametersModel parameters)
    {
        w.Line();
        w.Line("/// <summary>Every dotted path <see cref=\"WithOverride\"/> accepts.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> OverridablePaths {{ get; }} = [{string.Join(", ", parameters.Overrides.Select(o => Literal(o.Path)))}];");
        w.Line();
        w.Line("/// <summary>A copy with the parameter at the dotted <paramref name=\"path\"/> set from text, like Kedro's <c>--params</c>.</summary>");
        w.Line("/// <param name=\"path\">A dotted path such as <c>model_options.test_size</c>.</param>");
        w.Line("/// <param name=\"value\">The value as text; lists as <c>[a, b]</c>.</param>");
        w.Line("/// <exception cref=\"global::Compiled.ParameterException\">The path is unknown, or the text is not a value of the parameter's type.</exception>");
        w.Open($"public {parameters.TypeName} WithOverride(string path, string value) => path switch");
        foreach (var entry in parameters.Overrides)
        {
            w.Line($"{Literal(entry.Path)} => {ParameterOverrideText.Expression(entry)},");
        }

        w.Line("_ => throw global::Compiled.ParameterValue.UnknownPath(path, OverridablePaths),");
        w.Close(";");
        w.Line();
        w.Line("/// <summary>A copy with each <c>path=value</c> assignment applied in order.</summary>");
        w.Line("/// <param name=\"assignments\">Assignments such as <c>model_options.test_size=0.3</c>.</param>");
        w.Line("/// <exception cref=\"global::Compiled.ParameterException\">An assignment is malformed, names an unknown path or has a value of the wrong type.</exception>");
        w.Open($"public {parameters.TypeName} WithOverrides(params global::System.Collections.Generic.IEnumerable<string> assignments)");
        w.Line("var parameters = this;");
        w.Open("foreach (var assignment in assignments)");
        w.Line("var (path, value) = global::Compiled.ParameterValue.SplitAssignment(assignment);");
        w.Line("parameters = parameters.WithOverride(path, value);");
        w.Close();
        w.Line();
        w.Line("return parameters;");
        w.Close();
    }


    private static void WriteRecordHeader(SourceWriter w, ParameterRecordModel record, bool isRoot, string terminator)
    {
        foreach (var property in record.Properties)
        {
            w.Line($"/// <param name=\"{property.Name}\">The <c>{Xml(property.YamlKey)}</c> value, declared at {Xml(property.DeclaredAt)}.</param>");
        }

        w.Line(SourceWriter.GeneratedCodeAttribute);
        var modifiers = isRoot ? "public sealed partial record" : "public sealed record";
        if (record.Properties.Count == 0)
        {
            w.Line($"{modifiers} {record.Name}(){terminator}");
            return;
        }

        w.Line($"{modifiers} {record.Name}(");
        w.Indent();
        for (var i = 0; i < record.Properties.Count; i++)
        {
            var property = record.Properties[i];
            w.Line($"{property.TypeName} {property.Name}{(i < record.Properties.Count - 1 ? "," : ")" + terminator)}");
        }

        w.Outdent();
    }
}
