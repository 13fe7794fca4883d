using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// Plans one pipeline: which nodes it holds, where each input comes from (a producing node, the
/// catalog, or the caller), a deterministic topological order, the locals that carry data from
/// node to node, what is saved, and what the <c>Result</c> returns.
/// </summary>
internal sealed class PipelinePlanner
{
    private static readonly HashSet<string> ReservedLocals = new(StringComparer.Ordinal)
    {
        "run", "catalog", "parameters", "cancellationToken", "runId", "session", "result", "exception", "step", "inputs",
    };

    private readonly Dictionary<string, CatalogEntry> _catalog;
    private readonly Dictionary<string, CatalogEntryModel> _typedCatalog;
    private readonly Dictionary<string, DatasetValueType> _catalogTypes;
    private readonly TypeConversions _conversions;
    private readonly Dictionary<(string, int), string> _parameterAccess;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly bool _configBroken;

    public PipelinePlanner(
        Dictionary<string, CatalogEntry> catalog,
        Dictionary<string, CatalogEntryModel> typedCatalog,
        Dictionary<string, DatasetValueType> catalogTypes,
        TypeConversions conversions,
        Dictionary<(string, int), string> parameterAccess,
        List<DiagnosticInfo> diagnostics,
        bool configBroken)
    {
        _catalog = catalog;
        _typedCatalog = typedCatalog;
        _catalogTypes = catalogTypes;
        _conversions = conversions;
        _parameterAccess = parameterAccess;
        _diagnostics = diagnostics;
        _configBroken = configBroken;
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
        var errorsBefore = _diagnostics.Count(IsError);
        var nodes = expanded.Nodes;
        var hasNodeErrors = declarationBroken || nodes.Any(n => !n.Diagnostics.IsEmpty);
        var name = PipelineName(declaration);

        // Who produces what.
        var producers = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new List<(string Dataset, List<int> Producers)>();
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var output in nodes[i].Outputs)
            {
                if (producers.TryGetValue(output.Dataset, out var other))
                {
                    var group = duplicates.FirstOrDefault(d => d.Dataset == output.Dataset).Producers;
                    if (group is null) duplicates.Add((output.Dataset, group = new List<int> { other }));
                    if (!group.Contains(i)) group.Add(i);
                }
                else
                {
                    producers.Add(output.Dataset, i);
                }
            }
        }

        // CPL0004 at each producer, the others as additional locations.
        foreach (var (dataset, group) in duplicates)
        {
            var producerNames = group.Count == 1 ? $"'{nodes[group[0]].Name}' twice" : string.Join(" and ", group.Select(i => $"'{nodes[i].Name}'"));
            foreach (var i in group)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateProducer, DiagnosticTarget.Member(nodes[i].Id), dataset, name, producerNames)
                    .WithAdditional(group.Where(j => j != i).Select(j => DiagnosticTarget.Member(nodes[j].Id)).ToArray()));
            }
        }

        // Where each free input comes from.
        var runtimeInputs = new List<RuntimeInputModel>();
        var untypedInput = false;
        var typeMismatch = false;
        var declaredInputs = new HashSet<string>(expanded.Inputs, StringComparer.Ordinal);
        var artifacts = new HashSet<string>(expanded.Artifacts, StringComparer.Ordinal);
        var knownNames = _catalog.Keys.Concat(producers.Keys).Concat(declaredInputs).ToList();
        foreach (var artifact in artifacts.Where(a => !_catalog.ContainsKey(a)))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnresolvedInput, DiagnosticTarget.Member(declaration.Id),
                $"Pipeline '{name}' (Artifacts)", artifact, Suggest(artifact, _catalog.Keys) + " Artifacts must be catalog entries."));
        }

        // An artifact is loaded once per session: its entry cannot depend on a run's ${runtime:…} value.
        foreach (var artifact in expanded.Artifacts.Distinct(StringComparer.Ordinal).Where(a => _catalog.ContainsKey(a)))
        {
            if (Interpolations.FirstRuntimeValue(_catalog[artifact].Entry) is not { } runtime) continue;
            var diagnostic = DiagnosticInfo.Create(DiagnosticIds.UnresolvedInterpolation, DiagnosticTarget.InFile(runtime.Location), runtime.Expression, artifact,
                $"pipeline '{name}' loads '{artifact}' as an artifact, once per session, so no run's value reaches it; use a literal or ${{globals:…}} there, or remove '{artifact}' from the pipeline's Artifacts")
                .WithAdditional(DiagnosticTarget.Member(declaration.Id));
            _diagnostics.Add(diagnostic);
        }

        // The type of the value each dataset the pipeline reads holds: its producer's, the catalog entry's, or the runtime input's.
        var sources = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
        var runtimeReaders = new List<(string Dataset, List<(NodeModel Node, int Index)> Readers)>();
        var read = new HashSet<string>(nodes.SelectMany(n => n.Parameters).Where(p => p.Kind == NodeParameterKind.Input).Select(p => p.Binding), StringComparer.Ordinal);
        void AddRuntimeReader(string dataset, NodeModel node, int index)
        {
            var readers = runtimeReaders.FirstOrDefault(r => r.Dataset == dataset).Readers;
            if (readers is null) runtimeReaders.Add((dataset, readers = new List<(NodeModel, int)>()));
            readers.Add((node, index));
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            for (var p = 0; p < node.Parameters.Count; p++)
            {
                var parameter = node.Parameters[p];
                if (parameter.Kind != NodeParameterKind.Input) continue;
                if (producers.TryGetValue(parameter.Binding, out var producer))
                {
                    // The consumer gets the producer's local. Catalog datasets are reported across the project
                    // (ProjectBuilder.TypeCatalog); in-memory ones here.
                    var output = nodes[producer].Outputs.First(o => o.Dataset == parameter.Binding);
                    sources[parameter.Binding] = output.Type;
                    typeMismatch |= _catalog.ContainsKey(parameter.Binding)
                        ? TypeCompatibility.Accepts(output.Type, parameter.Type, _conversions) == Acceptance.Rejected
                        : Report(TypeCompatibility.Check(parameter.Binding, output.Type, nodes[producer].Name, DiagnosticTarget.Member(nodes[producer].Id), node, p, _conversions));
                    continue;
                }

                if (declaredInputs.Contains(parameter.Binding))
                {
                    AddRuntimeReader(parameter.Binding, node, p);
                }
                else if (_catalog.ContainsKey(parameter.Binding))
                {
                    untypedInput |= !_typedCatalog.ContainsKey(parameter.Binding); // CPL0010 already reported
                    if (_catalogTypes.TryGetValue(parameter.Binding, out var catalogType))
                    {
                        sources[parameter.Binding] = catalogType.Type;
                        typeMismatch |= TypeCompatibility.Accepts(catalogType.Type, parameter.Type, _conversions) == Acceptance.Rejected;
                    }
                }
                else if (!_configBroken)
                {
                    var closest = Naming.ClosestMatch(parameter.Binding, knownNames);
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnresolvedInput, DiagnosticTarget.Parameter(node.Id, p),
                        $"Node '{node.Name}'", parameter.Binding, Suggest(parameter.Binding, knownNames))
                        .WithProperty(DiagnosticInfo.SuggestionKey, closest));

                    // The pipeline's Inputs misspell it (the closest name is a declared input no node reads): the caller passes it
                    // to Run, so the (throwing) Run keeps it there.
                    if (closest is not null && declaredInputs.Contains(closest) && !read.Contains(closest)) AddRuntimeReader(parameter.Binding, node, p);
                }
            }
        }

        // A runtime input is a parameter of Run: of a type all its readers accept, when there is one.
        foreach (var (dataset, readers) in runtimeReaders)
        {
            var chosen = readers[TypeCompatibility.ChooseAmongReaders(readers.Select(r => r.Node.Parameters[r.Index].Type).ToList(), _conversions)];
            var type = chosen.Node.Parameters[chosen.Index].Type;
            runtimeInputs.Add(new RuntimeInputModel(dataset, "", type.Name, IsStruct(type)));
            sources[dataset] = type;
            foreach (var (reader, index) in readers.Where(r => r != chosen))
            {
                typeMismatch |= Report(TypeCompatibility.Check(dataset, type, chosen.Node.Name, DiagnosticTarget.Parameter(chosen.Node.Id, chosen.Index), reader, index, _conversions));
            }
        }

        // A node saving into a catalog entry of another type (CPL0003 reported across the project).
        typeMismatch |= nodes.SelectMany(n => n.Outputs).Any(o => _catalogTypes.TryGetValue(o.Dataset, out var t) && !TypeCompatibility.SameWritten(o.Type, t.Type));

        // A catalog entry with an error of its own (CPL0007) is kept only for the signatures: a run would not reach its data.
        bool Invalid(string dataset) => _catalog.TryGetValue(dataset, out var entry) && entry.IsInvalid;
        var touchesInvalid = artifacts.Any(Invalid) || nodes.Any(n => n.Outputs.Any(o => Invalid(o.Dataset)) ||
            n.Parameters.Any(p => p.Kind == NodeParameterKind.Input && Invalid(p.Binding)));

        var order = TopologicalOrder(nodes, producers, name);
        var hasErrors = hasNodeErrors || _configBroken || touchesInvalid || order is null || untypedInput || typeMismatch ||
            _diagnostics.Count(IsError) > errorsBefore;
        var propertyName = PropertyName(declaration);
        if (propertyName is "Catalog" or "Parameters" or "Environment" or "Options" or "Pipelines" or "ParameterPaths" or "Config" or "ProjectPath") propertyName = declaration.ClassName;

        if (hasErrors)
        {
            // Keep the shape of Run (runtime inputs, runtime values, Inputs) and of its Result, so that the code calling it
            // still compiles: only the CPL errors show.
            // Only nodes that are themselves sound say what the signature is: a node the generator cannot call (a pointer
            // parameter, say) has no type to offer.
            var sound = nodes.Where(n => n.Diagnostics.IsEmpty).ToList();
            var names = new LocalNames();
            var inputs = runtimeInputs
                .Where(r => sound.Any(n => n.Parameters.Any(p => p.Kind == NodeParameterKind.Input && p.Binding == r.Dataset)))
                .Select(r => r with { ParameterName = names.Of(r.Dataset) })
                .ToList();
            var (values, overrides) = CatalogArguments(sound, inputs, artifacts, names);
            return new PipelineModel(declaration.Namespace, declaration.ClassName, declaration.Accessibility, name, propertyName,
                inputs.ToEquatableArray(), values.ToEquatableArray(), overrides.ToEquatableArray(),
                EquatableArray<PipelineStepModel>.Empty, Results(nodes).ToEquatableArray(),
                HasAsyncNodes: false, HasErrors: true);
        }

        return Emit(declaration, name, propertyName, order!.Select(i => nodes[i]).ToList(), runtimeInputs, artifacts, sources);
    }

    /// <summary>
    /// The arguments of <c>Run</c> that come from the catalog: the <c>${runtime:…}</c> values of every entry the nodes load
    /// or save (required first), and one <c>Inputs</c> property per free catalog input, in the order the nodes read them.
    /// </summary>
    private (List<RuntimeValueModel> Values, List<InputOverrideModel> Overrides) CatalogArguments(
        IReadOnlyList<NodeModel> nodes, IReadOnlyList<RuntimeInputModel> runtimeInputs, HashSet<string> artifacts, LocalNames names)
    {
        var produced = new HashSet<string>(nodes.SelectMany(n => n.Outputs).Select(o => o.Dataset), StringComparer.Ordinal);
        var free = nodes.SelectMany(n => n.Parameters.Where(p => p.Kind == NodeParameterKind.Input && !produced.Contains(p.Binding) && !artifacts.Contains(p.Binding)))
            .Select(p => p.Binding)
            .Where(d => runtimeInputs.All(r => r.Dataset != d) && _typedCatalog.ContainsKey(d))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var values = new List<RuntimeValueModel>();
        foreach (var value in free.Concat(nodes.SelectMany(n => n.Outputs).Select(o => o.Dataset)).Where(_typedCatalog.ContainsKey).SelectMany(d => _typedCatalog[d].RuntimeValues))
        {
            var index = values.FindIndex(r => r.Name == value.Name);
            if (index < 0) values.Add(value with { ParameterName = names.Of("${runtime:" + value.Name + "}", value.Name) });
            else if (!value.HasDefault) values[index] = values[index] with { HasDefault = false };
        }

        var overrides = free.Select(d => _typedCatalog[d])
            .Select(entry => new InputOverrideModel(entry.PropertyName == "Inputs" ? "InputsValue" : entry.PropertyName, entry.DataType, entry.Name)) // a member cannot share its type's name
            .ToList();
        return (values.OrderBy(r => r.HasDefault).ToList(), overrides);
    }

    /// <summary>The names of a run's locals: one per dataset, unique, never one the generated body declares itself.</summary>
    private sealed class LocalNames
    {
        private readonly Dictionary<string, string> _locals = new(StringComparer.Ordinal);
        private readonly HashSet<string> _used = new(ReservedLocals, StringComparer.Ordinal);

        public string Of(string dataset, string? name = null)
        {
            if (_locals.TryGetValue(dataset, out var existing)) return existing;
            var baseName = Naming.ToCamelCase(name ?? dataset);
            var candidate = baseName;
            for (var i = 2; !_used.Add(candidate); i++) candidate = baseName + i;
            _locals[dataset] = candidate;
            return candidate;
        }
    }

    private PipelineModel Emit(
        PipelineDeclaration declaration, string name, string propertyName, List<NodeModel> ordered,
        List<RuntimeInputModel> runtimeInputs, HashSet<string> artifacts, Dictionary<string, TypeRef> sources)
    {
        var names = new LocalNames();
        string Local(string dataset, string? name = null) => names.Of(dataset, name);

        for (var i = 0; i < runtimeInputs.Count; i++)
        {
            runtimeInputs[i] = runtimeInputs[i] with { ParameterName = Local(runtimeInputs[i].Dataset) };
        }

        var (runtimeValues, inputOverrides) = CatalogArguments(ordered, runtimeInputs, artifacts, names);
        string Access(CatalogEntryModel entry) => entry.RuntimeValues.IsEmpty
            ? entry.PropertyName
            : $"{entry.PropertyName}({string.Join(", ", entry.RuntimeValues.Select(v => runtimeValues.First(r => r.Name == v.Name).ParameterName))})";

        var available = new HashSet<string>(runtimeInputs.Select(r => r.Dataset), StringComparer.Ordinal);
        var steps = new List<PipelineStepModel>();
        foreach (var node in ordered)
        {
            var loads = new List<DatasetLoadModel>();
            var arguments = Arguments(node, parameterPrefix: "", input: parameter =>
            {
                // The first node to read a free input loads it into a local.
                if (available.Add(parameter.Binding))
                {
                    var entry = _typedCatalog[parameter.Binding];
                    var isArtifact = artifacts.Contains(parameter.Binding);
                    var overrideProperty = isArtifact ? null : inputOverrides.First(o => o.Dataset == parameter.Binding).PropertyName;

                    loads.Add(new DatasetLoadModel(Local(parameter.Binding), entry.DataType, isArtifact ? entry.PropertyName : Access(entry), parameter.Binding, isArtifact, overrideProperty));
                }

                return Pass(Local(parameter.Binding), parameter, sources);
            });

            var outputs = new List<StepOutputModel>();
            foreach (var output in node.Outputs)
            {
                available.Add(output.Dataset);
                var save = _catalog.TryGetValue(output.Dataset, out var entry) && DatasetKinds.IsPersisted(entry.Kind) && _typedCatalog.TryGetValue(output.Dataset, out var typed)
                    ? Access(typed)
                    : null;
                var local = Local(output.Dataset);
                outputs.Add(new StepOutputModel(local, output.TypeName, output.Dataset, save));
            }

            steps.Add(new PipelineStepModel(node.Name, node.ContainingType + "." + node.MethodName, loads.ToEquatableArray(),
                arguments.ToEquatableArray(), outputs.ToEquatableArray(), node.ReturnKind, node.Await));
        }

        var results = Results(ordered).Select(r => r with { Local = Local(r.Dataset) });
        return new PipelineModel(declaration.Namespace, declaration.ClassName, declaration.Accessibility, name, propertyName,
            runtimeInputs.ToEquatableArray(), runtimeValues.ToEquatableArray(), inputOverrides.ToEquatableArray(),
            steps.ToEquatableArray(), results.ToEquatableArray(),
            HasAsyncNodes: ordered.Any(n => n.Await != AwaitKind.None), HasErrors: false)
        {
            Graph = Graph(ordered, runtimeInputs, runtimeValues, artifacts, sources),
        };
    }

    /// <summary>
    /// The arguments of a call to <paramref name="node"/>, in parameter order: the run's cancellation token, a
    /// parameter's access path (after <paramref name="parameterPrefix"/>), and for each input what <paramref name="input"/>
    /// returns. Both the straight-line run and the node-by-node steps call nodes with these.
    /// </summary>
    private List<string> Arguments(NodeModel node, string parameterPrefix, Func<NodeParameterModel, string> input)
    {
        var arguments = new List<string>(node.Parameters.Count);
        for (var p = 0; p < node.Parameters.Count; p++)
        {
            var parameter = node.Parameters[p];
            arguments.Add(parameter.Kind switch
            {
                NodeParameterKind.CancellationToken => "cancellationToken",
                NodeParameterKind.Parameter => _parameterAccess.TryGetValue(ProjectBuilder.ParameterKey(node, p), out var access) ? parameterPrefix + access : "default!",
                _ => input(parameter),
            });
        }

        return arguments;
    }

    /// <summary>The argument passing <paramref name="value"/>, which holds the dataset <paramref name="input"/> reads, to it (see <see cref="TypeCompatibility.Argument"/>).</summary>
    private static string Pass(string value, NodeParameterModel input, Dictionary<string, TypeRef> sources) =>
        sources.TryGetValue(input.Binding, out var source) ? TypeCompatibility.Argument(value, source, input.Type) : value;

    /// <summary>
    /// The pipeline's graph for node-by-node runs: every dataset (in order of first use) with the field that holds it,
    /// and every node with its step method's arguments over those fields.
    /// </summary>
    private PipelineGraphModel Graph(
        List<NodeModel> ordered, List<RuntimeInputModel> runtimeInputs, List<RuntimeValueModel> runtimeValues, HashSet<string> artifacts, Dictionary<string, TypeRef> sources)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal) { "_catalog", "_parameters", "_pipeline" };
        string Field(string name)
        {
            var baseName = "_" + Naming.ToCamelCase(name).TrimStart('@');
            var candidate = baseName;
            for (var i = 2; !fields.Add(candidate); i++) candidate = baseName + i;
            return candidate;
        }

        var values = runtimeValues.Select(v => new GraphRuntimeValueModel(v.Name, Field(v.Name), v.ParameterName, v.HasDefault)).ToList();
        string Access(CatalogEntryModel entry) => entry.RuntimeValues.IsEmpty
            ? entry.PropertyName
            : $"{entry.PropertyName}({string.Join(", ", entry.RuntimeValues.Select(v => values.First(r => r.Name == v.Name)).Select(r => r.HasDefault ? r.Field : r.Field + "!"))})";

        var produced = ordered.SelectMany(n => n.Outputs).ToDictionary(o => o.Dataset, o => o.TypeName, StringComparer.Ordinal);
        var runtime = new HashSet<string>(runtimeInputs.Select(r => r.Dataset), StringComparer.Ordinal);
        var datasets = new List<GraphDatasetModel>();
        var byName = new Dictionary<string, GraphDatasetModel>(StringComparer.Ordinal);
        GraphDatasetModel Dataset(string name, string readAs)
        {
            if (byName.TryGetValue(name, out var existing)) return existing;
            _catalog.TryGetValue(name, out var entry);
            _typedCatalog.TryGetValue(name, out var typed);
            var storage = runtime.Contains(name) && !produced.ContainsKey(name) ? GraphStorage.RuntimeInput
                : entry is null || typed is null ? GraphStorage.Memory
                : DatasetKinds.IsPersisted(entry.Kind) ? GraphStorage.Persisted
                : GraphStorage.CatalogMemory;
            var isArtifact = artifacts.Contains(name) && storage is GraphStorage.Persisted or GraphStorage.CatalogMemory;
            var type = sources.TryGetValue(name, out var source) ? source.Name : produced.TryGetValue(name, out var output) ? output : readAs;
            var dataset = new GraphDatasetModel(name, Field(name), type, storage, entry?.Kind,
                typed is null || storage is GraphStorage.Memory or GraphStorage.RuntimeInput ? null : isArtifact ? typed.PropertyName : Access(typed),
                isArtifact,
                (typed?.RuntimeValues ?? EquatableArray<RuntimeValueModel>.Empty).Where(v => !v.HasDefault).Select(v => v.Name).ToEquatableArray());
            datasets.Add(dataset);
            byName.Add(name, dataset);
            return dataset;
        }

        var stepNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "RunNodeAsync", "LoadAsync", "RunAllAsync", "Exists", "Release", "Begin", "Run", "Session", "Definition", "Options",
            "CanRunAll", "RuntimeValue", "TryGetInput", "RequireInput", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        };
        var nodes = new List<GraphNodeModel>();
        foreach (var node in ordered)
        {
            var inputs = new List<string>();
            var parameters = node.Parameters.Where(p => p.Kind == NodeParameterKind.Parameter).Select(p => p.Binding).ToList();
            var arguments = Arguments(node, parameterPrefix: "_", input: parameter =>
            {
                inputs.Add(parameter.Binding);
                return Pass(Dataset(parameter.Binding, parameter.TypeName).Field, parameter, sources);
            });

            var outputFields = new List<string>();
            var saves = new List<GraphSaveModel>();
            foreach (var output in node.Outputs)
            {
                var dataset = Dataset(output.Dataset, output.TypeName);
                outputFields.Add(dataset.Field);
                if (dataset.Storage == GraphStorage.Persisted && dataset.CatalogAccess is not null) saves.Add(new GraphSaveModel(dataset.CatalogAccess, dataset.Field));
            }

            var stepBase = Naming.ToPascalCase(node.Name) + "Async";
            var step = stepBase;
            for (var i = 2; !stepNames.Add(step); i++) step = Naming.ToPascalCase(node.Name) + i + "Async";
            nodes.Add(new GraphNodeModel(node.Name, node.Namespace, node.Tags, inputs.ToEquatableArray(), node.Outputs.Select(o => o.Dataset).ToEquatableArray(),
                parameters.ToEquatableArray(), node.ContainingType + "." + node.MethodName, step, arguments.ToEquatableArray(),
                outputFields.ToEquatableArray(), saves.ToEquatableArray(), node.ReturnKind, node.Await));
        }

        return new PipelineGraphModel(nodes.ToEquatableArray(), datasets.ToEquatableArray(), values.ToEquatableArray());
    }

    /// <summary>The outputs no node of the pipeline consumes, in node order.</summary>
    private static List<ResultFieldModel> Results(List<NodeModel> nodes)
    {
        var consumed = new HashSet<string>(
            nodes.SelectMany(n => n.Parameters).Where(p => p.Kind == NodeParameterKind.Input).Select(p => p.Binding),
            StringComparer.Ordinal);
        var results = new List<ResultFieldModel>();
        foreach (var output in nodes.SelectMany(n => n.Outputs).Where(o => !consumed.Contains(o.Dataset)))
        {
            var property = Naming.ToPascalCase(output.Dataset);
            if (property == "Result") property = "ResultValue"; // a member cannot share its type's name
            while (results.Any(r => r.PropertyName == property)) property += "Output";
            results.Add(new ResultFieldModel(property, output.TypeName, Naming.ToCamelCase(output.Dataset), output.Dataset));
        }

        return results;
    }

    /// <summary>Kahn's algorithm, always taking the ready node declared first; null (and CPL0005) on a cycle.</summary>
    private List<int>? TopologicalOrder(List<NodeModel> nodes, Dictionary<string, int> producers, string name)
    {
        var dependents = new List<int>[nodes.Count];
        var pending = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++) dependents[i] = new List<int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var dependencies = new HashSet<int>();
            foreach (var parameter in nodes[i].Parameters)
            {
                if (parameter.Kind == NodeParameterKind.Input && producers.TryGetValue(parameter.Binding, out var producer)) dependencies.Add(producer);
            }

            foreach (var dependency in dependencies) dependents[dependency].Add(i);
            pending[i] = dependencies.Count;
        }

        var ready = new SortedSet<int>(Enumerable.Range(0, nodes.Count).Where(i => pending[i] == 0));
        var order = new List<int>(nodes.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(next);
            foreach (var dependent in dependents[next])
            {
                if (--pending[dependent] == 0) ready.Add(dependent);
            }
        }

        if (order.Count == nodes.Count) return order;

        // What is left is the cycles and everything downstream of them: peel off the nodes none of whose
        // dependents is left, so that only the nodes on (or between) cycles are reported.
        var remaining = new HashSet<int>(Enumerable.Range(0, nodes.Count).Where(i => pending[i] > 0));
        for (var peeled = true; peeled;)
        {
            peeled = false;
            foreach (var index in remaining.Where(i => !dependents[i].Any(remaining.Contains)).ToList())
            {
                remaining.Remove(index);
                peeled = true;
            }
        }

        foreach (var index in remaining.OrderBy(i => i))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.Cycle, DiagnosticTarget.Member(nodes[index].Id), name, DescribeCycle(nodes, dependents, remaining, index)));
        }

        return null;
    }

    /// <summary>The cycle reached from <paramref name="start"/> along data flow, "a -> b -> a", beginning at its first declared node.</summary>
    private static string DescribeCycle(List<NodeModel> nodes, List<int>[] dependents, HashSet<int> remaining, int start)
    {
        var path = new List<int>();
        var current = start;
        while (!path.Contains(current))
        {
            path.Add(current);
            current = dependents[current].Where(remaining.Contains).Min();
        }

        var cycle = path.Skip(path.IndexOf(current)).ToList();
        var first = cycle.IndexOf(cycle.Min());
        cycle = cycle.Skip(first).Concat(cycle.Take(first)).ToList();
        return string.Join(" -> ", cycle.Select(i => nodes[i].Name)) + " -> " + nodes[cycle[0]].Name;
    }

    private static readonly HashSet<string> BuiltInValueTypes = new(StringComparer.Ordinal)
    {
        "bool", "byte", "sbyte", "short", "ushort", "int", "uint", "long", "ulong", "char", "float", "double", "decimal", "nint", "nuint",
    };

    /// <summary>
    /// A value type a run passes by reference (<see cref="RuntimeInputModel.IsStruct"/>). Copying one by value into an inlined
    /// <c>Run</c> splits it into its fields, and a node then reading it whole waits on those separate stores (issue #16: a
    /// three-node run at 6× the hand-written calls); read where the caller keeps it, it is copied once, whole.
    /// </summary>
    private static bool IsStruct(TypeRef type) =>
        type.Nullability == TypeNullability.NonNullableValue && !BuiltInValueTypes.Contains(type.Name);

    /// <summary>A diagnostic that stops the pipeline's body from being generated: any but the warnings.</summary>
    private static bool IsError(DiagnosticInfo diagnostic) => diagnostic.Id is not (DiagnosticIds.Unused or DiagnosticIds.NullableMismatch);

    /// <summary>Adds <paramref name="diagnostic"/> once (several pipelines may hold the node); true when it is an error.</summary>
    private bool Report(DiagnosticInfo? diagnostic)
    {
        if (diagnostic is null) return false;
        if (!_diagnostics.Contains(diagnostic)) _diagnostics.Add(diagnostic);
        return diagnostic.Id != DiagnosticIds.NullableMismatch;
    }

    private static string Suggest(string name, IEnumerable<string> candidates)
    {
        var match = Naming.ClosestMatch(name, candidates);
        return match is null ? "Add it to conf/base/catalog.yml, produce it with a node, or declare it in the pipeline's Inputs." : $"Did you mean '{match}'?";
    }
}
