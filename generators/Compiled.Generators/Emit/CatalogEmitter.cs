using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits <c>{Project}Catalog</c>: one typed dataset property per catalog entry the nodes use,
/// created on first access from the session's configuration (so nothing opens at session creation
/// and a broken entry only fails the run that needs it).
/// </summary>
internal static class CatalogEmitter
{
    public static string Emit(SessionOutputModel project)
    {
        var name = project.Info.ProjectName + "Catalog";
        var w = SourceWriter.ForFile(project.Info.Namespace);
        w.Line("/// <summary>");
        w.Line($"/// The typed data catalog of {project.Info.ProjectName}: one dataset per entry of <c>conf/*/catalog*.yml</c>,");
        w.Line("/// typed by the nodes that read and write it. Datasets are created on first use, from the");
        w.Line("/// configuration of the session's environment.");
        w.Line("/// </summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {name}");
        w.Line("private readonly global::Compiled.Session _session;");
        foreach (var entry in project.Catalog.Where(e => e.RuntimeValues.IsEmpty))
        {
            w.Line($"private {entry.DatasetType}? {entry.FieldName};");
        }

        w.Line();
        w.Line($"/// <summary>Creates the catalog of <paramref name=\"session\"/>; nothing is opened until a dataset is used.</summary>");
        w.Line($"internal {name}(global::Compiled.Session session) => _session = session;");
        foreach (var entry in project.Catalog)
        {
            w.Line();
            if (entry.RuntimeValues.IsEmpty)
            {
                w.Line($"/// <summary>The <c>{Xml(entry.Name)}</c> dataset ({Xml(entry.Kind)}), declared at {Xml(entry.DeclaredAt)}.</summary>");
                w.Line($"public {entry.DatasetType} {entry.PropertyName} => {entry.FieldName} ?? Create{entry.PropertyName}();");
                continue;
            }

            w.Line($"/// <summary>The <c>{Xml(entry.Name)}</c> dataset ({Xml(entry.Kind)}) for one run's runtime values, declared at {Xml(entry.DeclaredAt)}.</summary>");
            foreach (var value in entry.RuntimeValues)
            {
                w.Line($"/// <param name=\"{value.ParameterName.TrimStart('@')}\">The value of <c>${{runtime:{Xml(value.Name)}}}</c>{(value.HasDefault ? "; its default when null" : "")}.</param>");
            }

            var parameters = string.Join(", ", entry.RuntimeValues.Select(v => v.HasDefault ? $"string? {v.ParameterName} = null" : $"string {v.ParameterName}"));
            var values = string.Join(", ", entry.RuntimeValues.Select(v => $"({Literal(v.Name)}, {v.ParameterName})"));
            w.Line($"public {entry.DatasetType} {entry.PropertyName}({parameters}) =>");
            w.Line($"    {entry.DatasetType}.FromConfig(_session.Config.GetDataset({Literal(entry.Name)}).WithRuntimeValues({values}));");
        }

        foreach (var entry in project.Catalog.Where(e => e.RuntimeValues.IsEmpty))
        {
            w.Line();
            w.Open($"private {entry.DatasetType} Create{entry.PropertyName}()");
            w.Line($"var dataset = {entry.DatasetType}.FromConfig(_session.Config.GetDataset({Literal(entry.Name)}));");
            w.Line($"return global::System.Threading.Interlocked.CompareExchange(ref {entry.FieldName}, dataset, null) ?? dataset;");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>A C# string literal: names come from YAML keys and may hold quotes or backslashes.</summary>
}
