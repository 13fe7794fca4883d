using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits <c>{Project}Parameters.Remote.g.cs</c>: the parameters record's JSON members (<c>IRemoteParameters&lt;TSelf&gt;</c>),
/// so that a remote run carries its typed parameters without reflection. System.Text.Json's source generator cannot see a
/// record this generator makes, so the record and its nested records are written here, one JSON property per YAML key; the
/// values of other types go through the options' metadata (<c>global::Compiled.RemoteJson</c>).
/// </summary>
internal static class RemoteParametersEmitter
{
    public static string Emit(SessionOutputModel project)
    {
        var parameters = project.Parameters;
        var root = parameters.Records[0];
        var nested = parameters.Records.Skip(1).ToDictionary(r => $"{parameters.TypeName}.{r.Name}", StringComparer.Ordinal);
        var w = SourceWriter.ForFile(project.Info.Namespace);
        w.Line("/// <summary>The parameters record's JSON, as a remote run carries it (written and read without reflection).</summary>");
        w.Line($"partial record {root.Name} : global::Compiled.IRemoteParameters<{parameters.TypeName}>");
        w.Line("{").Indent();
        WriteRecord(w, root, parameters.TypeName, nested, isRoot: true);
        foreach (var record in parameters.Records.Skip(1))
        {
            w.Line();
            WriteRecord(w, record, $"{parameters.TypeName}.{record.Name}", nested, isRoot: false);
        }

        w.Close();
        return w.ToString();
    }

    private static void WriteRecord(
        SourceWriter w, ParameterRecordModel record, string type, IReadOnlyDictionary<string, ParameterRecordModel> nested, bool isRoot)
    {
        var (write, read) = isRoot ? ("WriteRemoteJson", "ReadRemoteJson") : ($"Write{record.Name}", $"Read{record.Name}");
        var (modifiers, doc) = isRoot ? ("public static", "/// <inheritdoc />") : ("private static", $"/// <summary>Writes the <c>{Xml(record.YamlPath)}</c> parameters.</summary>");
        w.Line(doc);
        w.Open($"{modifiers} void {write}(global::System.Text.Json.Utf8JsonWriter writer, {type} value, global::System.Text.Json.JsonSerializerOptions options)");
        w.Line("writer.WriteStartObject();");
        foreach (var property in record.Properties)
        {
            w.Line($"writer.WritePropertyName({Literal(property.YamlKey)});");
            w.Line(nested.TryGetValue(property.TypeName, out var inner)
                ? $"Write{inner.Name}(writer, value.{property.Name}, options);"
                : $"global::Compiled.RemoteJson.Write<{property.TypeName}>(writer, value.{property.Name}, options);");
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
        w.Line();
        w.Line(isRoot ? doc : $"/// <summary>Reads the <c>{Xml(record.YamlPath)}</c> parameters.</summary>");
        w.Open($"{modifiers} {type} {read}(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonSerializerOptions options)");
        var recordName = Literal(record.YamlPath.Length == 0 ? "parameters" : record.YamlPath);
        w.Line($"global::Compiled.RemoteJson.StartObject(ref reader, {recordName});");
        foreach (var property in record.Properties)
        {
            w.Line($"{property.TypeName} {Local(property)} = default!;");
            w.Line($"var {Seen(property)} = false;");
        }

        w.Open("while (global::Compiled.RemoteJson.NextProperty(ref reader))");
        var first = true;
        foreach (var property in record.Properties)
        {
            w.Open($"{(first ? "" : "else ")}if (reader.ValueTextEquals({Literal(property.YamlKey)}u8))");
            w.Line(nested.TryGetValue(property.TypeName, out var inner)
                ? $"{Local(property)} = Read{inner.Name}(ref reader, options);"
                : $"{Local(property)} = global::Compiled.RemoteJson.Read<{property.TypeName}>(ref reader, options);");
            w.Line($"{Seen(property)} = true;");
            w.Close();
            first = false;
        }

        w.Line(first
            ? $"throw global::Compiled.RemoteJson.UnknownProperty(ref reader, {recordName});"
            : $"else throw global::Compiled.RemoteJson.UnknownProperty(ref reader, {recordName});");
        w.Close();
        w.Line();
        foreach (var property in record.Properties)
        {
            w.Line($"if (!{Seen(property)}) throw global::Compiled.RemoteJson.MissingProperty({Literal(property.YamlKey)}, {recordName});");
        }

        var arguments = string.Join(", ", record.Properties.Select(p => $"{p.Name}: {Local(p)}"));
        w.Line($"return new {type}({arguments});");
        w.Close();
    }

    // Locals named after the properties (camelCase, suffixed so that none is a keyword or one of the method's own names).
    private static string Local(ParameterPropertyModel property) => Camel(property.Name) + "Value";

    private static string Seen(ParameterPropertyModel property) => Camel(property.Name) + "Seen";

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
