using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// Plans one pipeline in three steps: <see cref="PipelineValidator"/> checks where each input comes from (CPL0001/3/4),
/// <see cref="NodeOrdering"/> orders the nodes (CPL0005), and <see cref="PipelinePlanBuilder"/> builds the plan the
/// emitters read — or, when anything is wrong, the plan of a <c>Run</c> that throws.
/// </summary>
internal sealed class PipelinePlanner
{
    /// <summary>Session members a pipeline's property could not be named after.</summary>
    private static readonly HashSet<string> SessionMembers = new(StringComparer.Ordinal)
    {
        "Catalog", "Parameters", "Environment", "Options", "Pipelines", "ParameterPaths", "Config", "ProjectPath",
    };

    private readonly PipelineValidator _validator;
    private readonly PipelinePlanBuilder _builder;
    private readonly List<DiagnosticInfo> _diagnostics;

    public PipelinePlanner(
        IReadOnlyDictionary<string, CatalogEntry> catalog,
        IReadOnlyDictionary<string, CatalogEntryModel> typedCatalog,
        IReadOnlyDictionary<string, DatasetValueType> catalogTypes,
        TypeConversions conversions,
        IReadOnlyDictionary<(string, int), EquatableArray<string>> parameterMembers,
        List<DiagnosticInfo> diagnostics,
        bool configBroken)
    {
        _validator = new PipelineValidator(catalog, typedCatalog, catalogTypes, conversions, diagnostics, configBroken);
        _builder = new PipelinePlanBuilder(catalog, typedCatalog, parameterMembers);
        _diagnostics = diagnostics;
    }

    /// <summary>The pipeline's run name: <c>Name</c>, or the class name without <c>Pipeline</c>, in snake_case.</summary>
    public static string PipelineName(PipelineDeclaration declaration) =>
        declaration.Name ?? Naming.ToSnakeCase(PropertyName(declaration));

    private static string PropertyName(PipelineDeclaration declaration)
    {
        var name = declaration.ClassName;
        return name.Length > "Pipeline".Length && name.EndsWith("Pipeline", StringComparison.Ordinal)
            ? name.Substring(0, name.Length - "Pipeline".Length)
            : name;
    }

    /// <summary>Plans <paramref name="declaration"/> over its nodes after composition and <c>[Include]</c>s (<see cref="ModularPipelines"/>).</summary>
    /// <param name="declarationBroken">Its composition or includes have errors: emit the throwing <c>Run</c>.</param>
    public PipelineModel Plan(PipelineDeclaration declaration, ExpandedPipeline expanded, bool declarationBroken = false)
    {
        var name = PipelineName(declaration);
        var validation = _validator.Validate(declaration, expanded, name, declarationBroken);
        var order = NodeOrdering.Order(expanded.Nodes, validation.Producers, name, _diagnostics);
        var propertyName = PropertyName(declaration);
        if (SessionMembers.Contains(propertyName)) propertyName = declaration.ClassName;
        return validation.HasErrors || order is null
            ? _builder.BuildBroken(declaration, name, propertyName, expanded.Nodes, validation)
            : _builder.Build(declaration, name, propertyName, order.Select(i => expanded.Nodes[i]).ToList(), validation);
    }
}
