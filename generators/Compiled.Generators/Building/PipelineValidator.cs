using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// Checks one pipeline's data flow and reports what is wrong with it: two nodes writing one dataset (CPL0004), an input
/// nothing provides (CPL0001), an input of a type the value it reads does not convert to (CPL0003, CPL0018), and artifacts
/// that are not catalog entries or depend on a run's values. Says where each input comes from, for the plan.
/// </summary>
internal sealed class PipelineValidator
{
    private readonly IReadOnlyDictionary<string, CatalogEntry> _catalog;
    private readonly IReadOnlyDictionary<string, CatalogEntryModel> _typedCatalog;
    private readonly IReadOnlyDictionary<string, DatasetValueType> _catalogTypes;
    private readonly TypeConversions _conversions;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly bool _configBroken;

    public PipelineValidator(
        IReadOnlyDictionary<string, CatalogEntry> catalog,
        IReadOnlyDictionary<string, CatalogEntryModel> typedCatalog,
        IReadOnlyDictionary<string, DatasetValueType> catalogTypes,
        TypeConversions conversions,
        List<DiagnosticInfo> diagnostics,
        bool configBroken)
    {
        _catalog = catalog;
        _typedCatalog = typedCatalog;
        _catalogTypes = catalogTypes;
        _conversions = conversions;
        _diagnostics = diagnostics;
        _configBroken = configBroken;
    }

    /// <summary>Validates the pipeline <paramref name="name"/>, declared as <paramref name="declaration"/>, over its expanded nodes.</summary>
    /// <param name="declarationBroken">Its composition or includes have errors.</param>
    public PipelineValidation Validate(PipelineDeclaration declaration, ExpandedPipeline expanded, string name, bool declarationBroken)
    {
        var errorsBefore = _diagnostics.Count(IsError);
        var nodes = expanded.Nodes;
        var hasNodeErrors = declarationBroken || nodes.Any(n => !n.Diagnostics.IsEmpty);

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
        var runtimeInputs = new List<(string Dataset, TypeRef Type)>();
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
            runtimeInputs.Add((dataset, type));
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

        var hasErrors = hasNodeErrors || _configBroken || touchesInvalid || untypedInput || typeMismatch || _diagnostics.Count(IsError) > errorsBefore;
        return new PipelineValidation(producers, runtimeInputs, sources, artifacts, hasErrors);
    }

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
