using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// The nodes of one pipeline after composition and <c>[Include]</c>s, and its runtime inputs and artifacts, each in order
/// of first addition and each once (a node class part of several composed pipelines adds its nodes once).
/// </summary>
internal sealed class ExpandedPipeline
{
    private readonly List<NodeModel> _nodes = new();
    private readonly HashSet<NodeModel> _nodeSet = new();
    private readonly List<string> _inputs = new();
    private readonly HashSet<string> _inputSet = new(StringComparer.Ordinal);
    private readonly List<string> _artifacts = new();
    private readonly HashSet<string> _artifactSet = new(StringComparer.Ordinal);

    /// <summary>A pipeline of <paramref name="nodes"/>, <paramref name="inputs"/> and <paramref name="artifacts"/>, duplicates dropped.</summary>
    public ExpandedPipeline(IEnumerable<NodeModel> nodes, IEnumerable<string> inputs, IEnumerable<string> artifacts)
    {
        AddRange(nodes, inputs, artifacts);
    }

    /// <summary>The pipeline's nodes, in declaration order.</summary>
    public IReadOnlyList<NodeModel> Nodes => _nodes;

    /// <summary>The datasets declared as runtime inputs (<c>Inputs = […]</c>).</summary>
    public IReadOnlyList<string> Inputs => _inputs;

    /// <summary>The datasets declared as artifacts (<c>Artifacts = […]</c>).</summary>
    public IReadOnlyList<string> Artifacts => _artifacts;

    /// <summary>A pipeline with nothing in it yet.</summary>
    public static ExpandedPipeline Empty() => new(Array.Empty<NodeModel>(), Array.Empty<string>(), Array.Empty<string>());

    /// <summary>Adds what <paramref name="part"/> has and this pipeline does not yet, in its order.</summary>
    public void Add(ExpandedPipeline part) => AddRange(part.Nodes, part.Inputs, part.Artifacts);

    private void AddRange(IEnumerable<NodeModel> nodes, IEnumerable<string> inputs, IEnumerable<string> artifacts)
    {
        // Set lookups: the default pipeline of a large project adds thousands of nodes, and a list's Contains is quadratic in them.
        foreach (var node in nodes) if (_nodeSet.Add(node)) _nodes.Add(node);
        foreach (var input in inputs) if (_inputSet.Add(input)) _inputs.Add(input);
        foreach (var artifact in artifacts) if (_artifactSet.Add(artifact)) _artifacts.Add(artifact);
    }
}

/// <summary>
/// Kedro's modular pipelines, at compile time. A pipeline's nodes are the <c>[Node]</c> methods of its node classes,
/// the nodes of the pipelines it is composed of (<c>[Pipeline(typeof(OtherPipeline))]</c>, Kedro's <c>a + b</c>), and
/// the nodes of each <c>[Include]</c> copied under its namespace with Kedro's renaming rules
/// (<c>kedro.pipeline.Pipeline._rename</c>): a name listed in <c>Inputs</c>/<c>Outputs</c>/<c>Parameters</c> keeps its
/// given name; otherwise, with a namespace, every dataset and parameter name gets the <c>namespace.</c> prefix, and so
/// does every node name, while the node's namespace becomes <c>namespace</c> (or <c>namespace.inner</c>).
/// Kedro's checks (<c>_validate_datasets_exist</c>, <c>_validate_inputs_outputs</c>) become CPL0013 and CPL0014.
/// </summary>
internal sealed class ModularPipelines
{
    private readonly Dictionary<string, PipelineDeclaration> _pipelines;
    private readonly ILookup<string, NodeModel> _nodesByClass;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, ExpandedPipeline> _expanded = new(StringComparer.Ordinal);
    private readonly HashSet<NodeModel> _declaredNodes;

    private ModularPipelines(IReadOnlyList<PipelineDeclaration> pipelines, IReadOnlyList<NodeModel> nodes, List<DiagnosticInfo> diagnostics)
    {
        _pipelines = pipelines.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _nodesByClass = nodes.ToLookup(n => n.ContainingType, StringComparer.Ordinal);
        _declaredNodes = new HashSet<NodeModel>(nodes);
        _diagnostics = diagnostics;
    }

    /// <summary>Every pipeline's nodes, by pipeline id; diagnostics for bad declarations are added to <paramref name="diagnostics"/>.</summary>
    public static Dictionary<string, ExpandedPipeline> Expand(IReadOnlyList<PipelineDeclaration> pipelines, IReadOnlyList<NodeModel> nodes, List<DiagnosticInfo> diagnostics)
    {
        var expander = new ModularPipelines(pipelines, nodes, diagnostics);
        foreach (var pipeline in pipelines) expander.Expand(pipeline, new List<string>());
        return expander._expanded;
    }

    private ExpandedPipeline Expand(PipelineDeclaration declaration, List<string> including)
    {
        if (_expanded.TryGetValue(declaration.Id, out var done)) return done;
        var name = PipelinePlanner.PipelineName(declaration);
        if (including.Contains(declaration.Id))
        {
            var cycle = including.Skip(including.IndexOf(declaration.Id)).Concat(new[] { declaration.Id }).Select(Short);
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidInclude, DiagnosticTarget.Member(declaration.Id), name, "",
                $"pipelines include each other in a cycle: {string.Join(" -> ", cycle)}"));
            return ExpandedPipeline.Empty();
        }

        including.Add(declaration.Id);
        var result = new ExpandedPipeline(Array.Empty<NodeModel>(), declaration.Inputs, declaration.Artifacts);
        foreach (var part in declaration.NodeClasses)
        {
            var nodes = Resolve(part, including);
            if (nodes is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedNode, DiagnosticTarget.Member(declaration.Id),
                    declaration.ClassName, $"'{part.Replace("global::", "")}' has no [Node] methods"));
                continue;
            }

            result.Add(nodes);
        }

        foreach (var include in declaration.Includes)
        {
            var included = Resolve(include.Target, including);
            if (included is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidInclude, DiagnosticTarget.Member(declaration.Id), name, "",
                    $"the included type '{Short(include.Target)}' has no [Node] methods and is not a [Pipeline] class"));
                continue;
            }

            result.Add(Rename(declaration, name, include, included));
        }

        ReportDuplicateNodeNames(declaration, result.Nodes);
        including.RemoveAt(including.Count - 1);
        _expanded[declaration.Id] = result;
        return result;
    }

    /// <summary>The nodes of a node class or of a pipeline class (expanded), or null if it is neither.</summary>
    private ExpandedPipeline? Resolve(string type, List<string> including)
    {
        if (_pipelines.TryGetValue(type, out var pipeline)) return Expand(pipeline, including);
        var nodes = _nodesByClass[type].ToList();
        return nodes.Count == 0 ? null : new ExpandedPipeline(nodes, Array.Empty<string>(), Array.Empty<string>());
    }

    /// <summary>Kedro's <c>Pipeline(pipe, namespace=…, inputs=…, outputs=…, parameters=…, tags=…)</c> on the included nodes.</summary>
    private ExpandedPipeline Rename(PipelineDeclaration declaration, string name, IncludeDeclaration include, ExpandedPipeline included)
    {
        var target = Short(include.Target);
        void Invalid(string literal, string problem) =>
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.InvalidInclude, DiagnosticTarget.Member(declaration.Id), name, literal, problem));

        var ns = include.Namespace;
        if (ns is not null && (ns.Length == 0 || ns.Split('.').Any(segment => segment.Length == 0 || segment.Any(c => char.IsWhiteSpace(c) || c is '=' or ','))))
        {
            Invalid(ns, $"the namespace '{ns}' must be dot-separated names without spaces, '=' or ','");
            ns = null;
        }

        // What the included pipeline has (Kedro: pipe.datasets(), pipe.inputs()).
        var produced = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in included.Nodes)
        {
            foreach (var output in node.Outputs) produced[output.Dataset] = node.Name;
        }

        var read = included.Nodes.SelectMany(n => n.Parameters).Where(p => p.Kind == NodeParameterKind.Input).Select(p => p.Binding)
            .Concat(included.Inputs).Concat(included.Artifacts).ToList();
        var datasets = new HashSet<string>(read.Concat(produced.Keys), StringComparer.Ordinal);
        var parameters = new HashSet<string>(included.Nodes.SelectMany(n => n.Parameters).Where(p => p.Kind == NodeParameterKind.Parameter).Select(p => p.Binding), StringComparer.Ordinal);

        var datasetMap = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameterMap = new Dictionary<string, string>(StringComparer.Ordinal);
        void Map(EquatableArray<string> entries, string what, HashSet<string> known, Dictionary<string, string> map, Func<string, string?> wrongKind)
        {
            foreach (var entry in entries)
            {
                var parts = entry.Split('=');
                var from = parts[0].Trim();
                var to = parts.Length == 2 ? parts[1].Trim() : from;
                if (parts.Length > 2 || from.Length == 0 || to.Length == 0)
                {
                    Invalid(entry, $"'{entry}' must be a name (kept as it is) or 'name=new_name' (renamed)");
                    continue;
                }

                if (!known.Contains(from))
                {
                    var suggestion = Naming.ClosestMatch(from, known);
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnknownIncludeName, DiagnosticTarget.Member(declaration.Id), name, entry, target, what, from,
                        suggestion is null ? "" : $"; did you mean '{suggestion}'?")
                        .WithProperty(DiagnosticInfo.SuggestionKey, suggestion));
                    continue;
                }

                if (wrongKind(from) is { } why)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.IncludeNameOfWrongKind, DiagnosticTarget.Member(declaration.Id), name, entry, target, from, why));
                    continue;
                }

                if (map.TryGetValue(from, out var earlier) && earlier != to)
                {
                    Invalid(entry, $"'{from}' is mapped twice, to '{earlier}' and to '{to}'");
                    continue;
                }

                map[from] = to;
            }
        }

        // Kedro's _validate_inputs_outputs: inputs must be free inputs; outputs must be produced by a node.
        Map(include.Inputs, "input", datasets, datasetMap, dataset => produced.TryGetValue(dataset, out var producer)
            ? $"node '{producer}' produces it, and Inputs may only name free inputs (datasets no node of '{target}' produces)"
            : null);
        Map(include.Outputs, "output", datasets, datasetMap, dataset => produced.ContainsKey(dataset)
            ? null
            : $"no node of '{target}' produces it (it is a free input), and Outputs may only name datasets its nodes produce");
        Map(include.Parameters, "parameter", parameters, parameterMap, _ => null);

        // After a CPL error the pipeline is not emitted, but its nodes are still renamed with the entries that are
        // right, so that only the wrong entry is reported (not also the parameters and datasets it renames).

        string Dataset(string dataset) => datasetMap.TryGetValue(dataset, out var mapped) ? mapped : ns is null ? dataset : ns + "." + dataset;
        string Parameter(string path) => parameterMap.TryGetValue(path, out var mapped) ? mapped : ns is null ? path : ns + "." + path;

        var tags = include.Tags.Where(t => t.Length > 0).ToList();
        var nodes = included.Nodes.Select(node => node with
        {
            Name = ns is null ? node.Name : ns + "." + node.Name,
            Namespace = ns is null ? node.Namespace : node.Namespace is null ? ns : ns + "." + node.Namespace,
            Parameters = node.Parameters.Select(p => p.Kind switch
            {
                NodeParameterKind.Input => p with { Binding = Dataset(p.Binding) },
                NodeParameterKind.Parameter => p with { Binding = Parameter(p.Binding) },
                _ => p,
            }).ToEquatableArray(),
            Outputs = node.Outputs.Select(o => o with { Dataset = Dataset(o.Dataset) }).ToEquatableArray(),
            Tags = node.Tags.Concat(tags.Where(t => !node.Tags.Contains(t))).ToEquatableArray(),
        }).ToList();
        return new ExpandedPipeline(nodes, included.Inputs.Select(Dataset), included.Artifacts.Select(Dataset));
    }

    /// <summary>Kedro: "Pipeline nodes must have unique names" — two different nodes of one pipeline with one name (the same node class included twice without a namespace, with different renames).</summary>
    private void ReportDuplicateNodeNames(PipelineDeclaration declaration, IReadOnlyList<NodeModel> nodes)
    {
        foreach (var group in nodes.GroupBy(n => n.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            // Two declared nodes with one name are reported on the nodes (ProjectBuilder); here only renamed copies.
            if (group.All(_declaredNodes.Contains)) continue;
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.DuplicateName, DiagnosticTarget.Member(declaration.Id), "node", group.Key));
        }
    }

    private static string Short(string type)
    {
        var name = type.StartsWith("global::", StringComparison.Ordinal) ? type.Substring("global::".Length) : type;
        var dot = name.LastIndexOf('.');
        return dot < 0 ? name : name.Substring(dot + 1);
    }
}
