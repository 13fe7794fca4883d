using Compiled.Generators.Model;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits <c>{Project}Parameters</c>: an immutable record of <c>conf/base/parameters*.yml</c>, with
/// nested records for mappings no <c>[Param]</c> binds to a C# type, and <c>Default</c>: the YAML
/// values bound at compile time.
/// </summary>
internal static class ParametersEmitter
{
    public static string Emit(ProjectModel project)
    {
        var parameters = project.Parameters;
        var root = parameters.Records[0];
        var w = SourceWriter.ForFile(project.Info.Namespace);
        w.Line("/// <summary>");
        w.Line($"/// The parameters of {project.Info.ProjectName}, from <c>conf/base/parameters*.yml</c>. Pass a modified copy");
        w.Line("/// (<c>session.Parameters with { … }</c>) to a pipeline's <c>Run</c> to change them for one run.");
        w.Line("/// </summary>");
        WriteRecordHeader(w, root, isRoot: true);
        w.Line("{").Indent();
        w.Line("/// <summary>The values written in <c>conf/base/parameters*.yml</c>, bound at compile time.</summary>");
        w.Expression($"public static {parameters.TypeName} Default {{ get; }} = ", parameters.DefaultValue, ";");
        foreach (var record in parameters.Records.Skip(1))
        {
            w.Line();
            w.Line($"/// <summary>The <c>{record.YamlPath}</c> parameters.</summary>");
            WriteRecordHeader(w, record, isRoot: false);
            w.Line(";");
        }

        w.Close();
        return w.ToString();
    }

    private static void WriteRecordHeader(SourceWriter w, ParameterRecordModel record, bool isRoot)
    {
        foreach (var property in record.Properties)
        {
            w.Line($"/// <param name=\"{property.Name}\">The <c>{property.YamlKey}</c> value, declared at {property.DeclaredAt}.</param>");
        }

        w.Line(SourceWriter.GeneratedCodeAttribute);
        var modifiers = isRoot ? "public sealed partial record" : "public sealed record";
        if (record.Properties.Count == 0)
        {
            w.Line($"{modifiers} {record.Name}()");
            return;
        }

        w.Line($"{modifiers} {record.Name}(");
        w.Indent();
        for (var i = 0; i < record.Properties.Count; i++)
        {
            var property = record.Properties[i];
            w.Line($"{property.TypeName} {property.Name}{(i < record.Properties.Count - 1 ? "," : ")")}");
        }

        w.Outdent();
    }
}
