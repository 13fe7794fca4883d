using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// Builds a validated pipeline's plan (<see cref="PipelineModel"/>): what <c>Run</c> takes and what its <c>Result</c>
/// holds, the nodes in run order with the source of each argument, and every dataset with its type, storage and catalog
/// entry. Writes no C#: the emitters do, each naming its own locals and fields.
/// </summary>
internal sealed class PipelinePlanBuilder
{
    private readonly IReadOnlyDictionary<string, CatalogEntry> _catalog;
    private readonly IReadOnlyDictionary<string, CatalogEntryModel> _typedCatalog;
    private readonly IReadOnlyDictionary<(string, int), EquatableArray<string>> _parameterMembers;

    /// <param name="parameterMembers">For each bound node parameter (<see cref="ProjectBuilder.ParameterKey(NodeModel, int)"/>), the parameters record's members along its path.</param>
    public PipelinePlanBuilder(
        IReadOnlyDictionary<string, CatalogEntry> catalog,
        IReadOnlyDictionary<string, CatalogEntryModel> typedCatalog,
        IReadOnlyDictionary<(string, int), EquatableArray<string>> parameterMembers)
    {
        _catalog = catalog;
        _typedCatalog = typedCatalog;
        _parameterMembers = parameterMembers;
    }

    /// <summary>The plan of a pipeline without errors, its nodes in run order (<paramref name="ordered"/>).</summary>
    public PipelineModel Build(PipelineDeclaration declaration, string name, string propertyName, IReadOnlyList<NodeModel> ordered, PipelineValidation validation)
    {
        var names = new UniqueNameBuilder(RunLocals.Declared);
        var runtimeInputs = validation.RuntimeInputs.Select(r => new RuntimeInputModel(r.Dataset, names.Of(r.Dataset, Naming.ToCamelCase(r.Dataset)), r.Type)).ToList();
        var (runtimeValues, inputOverrides) = CatalogArguments(ordered, runtimeInputs, validation.Artifacts, names);
        var (nodes, datasets) = Graph(ordered, runtimeInputs, validation);
        return new PipelineModel(declaration.Namespace, declaration.ClassName, declaration.Accessibility, name, propertyName,
            runtimeInputs.ToEquatableArray(), runtimeValues.ToEquatableArray(), inputOverrides.ToEquatableArray(),
            nodes.ToEquatableArray(), datasets.ToEquatableArray(), Results(ordered).ToEquatableArray(),
            HasAsyncNodes: ordered.Any(n => n.Await != AwaitKind.None), HasErrors: false)
        {
            AttributeFailures = declaration.AttributeFailures,
        };
    }

    /// <summary>
    /// The plan of a pipeline with errors: no nodes, only the shape of <c>Run</c> and of its <c>Result</c>, so that the code
    /// calling it still compiles and only the CPL errors show. Only nodes that are themselves sound say what the signature
    /// is: a node the generator cannot call (a pointer parameter, say) has no type to offer.
    /// </summary>
    public PipelineModel BuildBroken(PipelineDeclaration declaration, string name, string propertyName, IReadOnlyList<NodeModel> nodes, PipelineValidation validation)
    {
        var sound = nodes.Where(n => n.Diagnostics.IsEmpty).ToList();
        var names = new UniqueNameBuilder(RunLocals.Declared);
        var inputs = validation.RuntimeInputs
            .Where(r => sound.Any(n => n.Parameters.Any(p => p.Kind == NodeParameterKind.Input && p.Binding == r.Dataset)))
            .Select(r => new RuntimeInputModel(r.Dataset, names.Of(r.Dataset, Naming.ToCamelCase(r.Dataset)), r.Type))
            .ToList();
        var (values, overrides) = CatalogArguments(sound, inputs, validation.Artifacts, names);
        return new PipelineModel(declaration.Namespace, declaration.ClassName, declaration.Accessibility, name, propertyName,
            inputs.ToEquatableArray(), values.ToEquatableArray(), overrides.ToEquatableArray(),
            EquatableArray<PlannedNode>.Empty, EquatableArray<PlannedDataset>.Empty, Results(nodes).ToEquatableArray(),
            HasAsyncNodes: false, HasErrors: true);
    }

    /// <summary>
    /// The arguments of <c>Run</c> that come from the catalog: the <c>${runtime:…}</c> values of every entry the nodes load
    /// or save (required first), and one <c>Inputs</c> property per free catalog input, in the order the nodes read them.
    /// </summary>
    private (List<RuntimeValueModel> Values, List<InputOverrideModel> Overrides) CatalogArguments(
        IReadOnlyList<NodeModel> nodes, IReadOnlyList<RuntimeInputModel> runtimeInputs, IReadOnlyCollection<string> artifacts, UniqueNameBuilder names)
    {
        var produced = new HashSet<string>(nodes.SelectMany(n => n.Outputs).Select(o => o.Dataset), StringComparer.Ordinal);
        var runtime = new HashSet<string>(runtimeInputs.Select(r => r.Dataset), StringComparer.Ordinal);
        var free = nodes.SelectMany(n => n.Parameters.Where(p => p.Kind == NodeParameterKind.Input && !produced.Contains(p.Binding) && !artifacts.Contains(p.Binding)))
            .Select(p => p.Binding)
            .Where(d => !runtime.Contains(d) && _typedCatalog.ContainsKey(d))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var values = new List<RuntimeValueModel>();
        foreach (var value in free.Concat(nodes.SelectMany(n => n.Outputs).Select(o => o.Dataset)).Where(_typedCatalog.ContainsKey).SelectMany(d => _typedCatalog[d].RuntimeValues))
        {
            var index = values.FindIndex(r => r.Name == value.Name);
            if (index < 0) values.Add(value with { ParameterName = names.Of("${runtime:" + value.Name + "}", Naming.ToCamelCase(value.Name)) });
            else if (!value.HasDefault) values[index] = values[index] with { HasDefault = false };
        }

        var overrides = free.Select(d => _typedCatalog[d])
            .Select(entry => new InputOverrideModel(entry.PropertyName == GeneratedNames.InputsType ? GeneratedNames.InputsType + "Value" : entry.PropertyName, entry.DataType, entry.Name)) // a member cannot share its type's name
            .ToList();
        return (values.OrderBy(r => r.HasDefault).ToList(), overrides);
    }

    /// <summary>The nodes in run order with each argument's source, and every dataset they read or write, in order of first use.</summary>
    private (List<PlannedNode> Nodes, List<PlannedDataset> Datasets) Graph(IReadOnlyList<NodeModel> ordered, List<RuntimeInputModel> runtimeInputs, PipelineValidation validation)
    {
        var produced = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
        foreach (var output in ordered.SelectMany(n => n.Outputs)) produced.Add(output.Dataset, output.Type);
        var runtime = new HashSet<string>(runtimeInputs.Select(r => r.Dataset), StringComparer.Ordinal);
        var datasets = new List<PlannedDataset>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Use(string name, TypeRef readAs)
        {
            if (!seen.Add(name)) return;
            _catalog.TryGetValue(name, out var entry);
            _typedCatalog.TryGetValue(name, out var typed);
            var storage = runtime.Contains(name) && !produced.ContainsKey(name) ? DatasetStorage.RuntimeInput
                : entry is null || typed is null ? DatasetStorage.Memory
                : DatasetKinds.IsPersisted(entry.Kind) ? DatasetStorage.Persisted
                : DatasetStorage.CatalogMemory;
            var type = validation.Sources.TryGetValue(name, out var source) ? source : produced.TryGetValue(name, out var output) ? output : readAs;
            var isArtifact = validation.Artifacts.Contains(name) && storage is DatasetStorage.Persisted or DatasetStorage.CatalogMemory;
            datasets.Add(new PlannedDataset(name, type, storage, entry?.Kind, typed, isArtifact, produced.ContainsKey(name)));
        }

        var nodes = new List<PlannedNode>(ordered.Count);
        foreach (var node in ordered)
        {
            var arguments = new List<NodeArgument>(node.Parameters.Count);
            for (var p = 0; p < node.Parameters.Count; p++)
            {
                var parameter = node.Parameters[p];
                switch (parameter.Kind)
                {
                    case NodeParameterKind.CancellationToken:
                        arguments.Add(NodeArgument.CancellationToken);
                        break;
                    case NodeParameterKind.Parameter:
                        arguments.Add(new NodeArgument(ArgumentSource.Parameter, parameter.Binding,
                            _parameterMembers.TryGetValue(ProjectBuilder.ParameterKey(node, p), out var members) ? members : EquatableArray<string>.Empty, ForgivesNull: false,
                            ParameterType: parameter.Type));
                        break;
                    default:
                        Use(parameter.Binding, parameter.Type);
                        var forgives = validation.Sources.TryGetValue(parameter.Binding, out var source) && TypeCompatibility.ForgivesNull(source, parameter.Type);
                        arguments.Add(new NodeArgument(ArgumentSource.Dataset, parameter.Binding, EquatableArray<string>.Empty, forgives));
                        break;
                }
            }

            foreach (var output in node.Outputs) Use(output.Dataset, output.Type);
            nodes.Add(new PlannedNode(node.Name, node.Namespace, node.Tags, node.ContainingType, node.MethodName, arguments.ToEquatableArray(),
                node.Outputs.Select(o => o.Dataset).ToEquatableArray(), node.ReturnKind, node.Await));
        }

        return (nodes, datasets);
    }

    /// <summary>The outputs no node of the pipeline consumes, in node order.</summary>
    private static List<ResultFieldModel> Results(IReadOnlyList<NodeModel> nodes)
    {
        var consumed = new HashSet<string>(
            nodes.SelectMany(n => n.Parameters).Where(p => p.Kind == NodeParameterKind.Input).Select(p => p.Binding),
            StringComparer.Ordinal);
        var results = new List<ResultFieldModel>();
        var properties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var output in nodes.SelectMany(n => n.Outputs).Where(o => !consumed.Contains(o.Dataset)))
        {
            var property = Naming.ToPascalCase(output.Dataset);
            if (property == GeneratedNames.ResultType) property = GeneratedNames.ResultType + "Value"; // a member cannot share its type's name
            while (!properties.Add(property)) property += "Output";
            results.Add(new ResultFieldModel(property, output.Type, output.Dataset));
        }

        return results;
    }
}
