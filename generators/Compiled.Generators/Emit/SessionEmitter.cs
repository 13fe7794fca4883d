using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpNames;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Emits the project entry point <c>{Project}Project.CreateSession</c> and the typed session that
/// exposes the catalog, the parameters and one property per pipeline.
/// </summary>
internal static class SessionEmitter
{
    public static string Emit(SessionOutputModel project)
    {
        var info = project.Info;
        var session = info.ProjectName + "Session";
        var qualifiedSession = Qualified(info.Namespace, session);
        var catalog = Qualified(info.Namespace, info.ProjectName + "Catalog");
        var w = SourceWriter.ForFile(info.Namespace);

        w.Line("/// <summary>");
        w.Line($"/// The {info.ProjectName} project: creates sessions. A session reads <c>conf/base</c> and");
        w.Line("/// <c>conf/&lt;environment&gt;</c> once and runs any pipeline any number of times.");
        w.Line("/// </summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"public static partial class {info.ProjectName}Project");
        w.Line($"/// <summary>The project's pipelines by name.</summary>");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> PipelineNames {{ get; }} = [{string.Join(", ", project.Pipelines.Select(p => Literal(p.Name)))}];");
        w.Line();
        w.Line("/// <summary>Creates a session: locates the project, reads its configuration, opens nothing.</summary>");
        w.Line("/// <param name=\"options\">The environment, project path, hooks and logging; defaults when null.</param>");
        w.Line($"public static {qualifiedSession} CreateSession(global::Compiled.SessionOptions? options = null) => new(options ?? new global::Compiled.SessionOptions());");
        w.Close();
        w.Line();

        w.Line("/// <summary>");
        w.Line($"/// A session of the {info.ProjectName} project: its typed catalog, parameters and pipelines.");
        w.Line("/// Thread-safe; create it once and run pipelines as often as needed.");
        w.Line("/// </summary>");
        w.Line(SourceWriter.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {session} : global::Compiled.Session");
        w.Open($"internal {session}(global::Compiled.SessionOptions options) : base(options)");
        w.Line($"Catalog = new {catalog}(this);");
        w.Line($"Parameters = global::Compiled.ParameterValue.ApplyOverrides({project.Parameters.TypeName}.Default, Config.ParameterOverrides,");
        w.Line("    static (parameters, path, value) => parameters.WithOverride(path, value));");
        foreach (var pipeline in project.Pipelines)
        {
            w.Line($"{pipeline.PropertyName} = new {Qualified(pipeline.Namespace, pipeline.ClassName)}(this);");
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>The typed data catalog.</summary>");
        w.Line($"public {catalog} Catalog {{ get; }}");
        w.Line();
        w.Line("/// <summary>The parameters runs use unless given others: the compiled defaults with <c>conf/&lt;env&gt;/parameters*.yml</c> applied.</summary>");
        w.Line($"public {project.Parameters.TypeName} Parameters {{ get; }}");
        foreach (var pipeline in project.Pipelines)
        {
            w.Line();
            w.Line($"/// <summary>The <c>{Xml(pipeline.Name)}</c> pipeline.</summary>");
            w.Line($"public {Qualified(pipeline.Namespace, pipeline.ClassName)} {pipeline.PropertyName} {{ get; }}");
        }

        w.Close();
        return w.ToString();
    }
}
