namespace Compiled.Pipelines;

/// <summary>
/// The graph of a pipeline — its nodes in run order with their inputs, outputs, tags and namespace, and its
/// datasets — emitted by the generator as static data (<c>MyPipeline.Definition</c>). The runners and the
/// command line read it; its selection methods follow Kedro's <c>Pipeline</c> methods of the same names.
/// </summary>
public sealed class PipelineDefinition
{
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _datasetIndex = new(StringComparer.Ordinal);
    private readonly int[] _producers;
    private readonly int[][] _consumers;
    private readonly int[][] _nodeInputs;
    private readonly int[][] _nodeOutputs;

    /// <summary>Describes a pipeline.</summary>
    /// <param name="name">The pipeline's name.</param>
    /// <param name="nodes">Its nodes, in the order a sequential run calls them (a topological order).</param>
    /// <param name="datasets">Every dataset its nodes read or write.</param>
    /// <param name="parameters">The parameter paths its nodes bind, with their types and values; empty when null.</param>
    /// <exception cref="ArgumentException">A node reads or writes a dataset not in <paramref name="datasets"/>, a name repeats, or a node reads a dataset produced after it.</exception>
    public PipelineDefinition(string name, IReadOnlyList<NodeDefinition> nodes, IReadOnlyList<DatasetDefinition> datasets, IReadOnlyList<ParameterDefinition>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(datasets);
        Name = name;
        Nodes = nodes;
        Datasets = datasets;
        Parameters = parameters ?? [];
        for (var i = 0; i < datasets.Count; i++)
        {
            if (!_datasetIndex.TryAdd(datasets[i].Name, i)) throw new ArgumentException($"Dataset '{datasets[i].Name}' is listed twice.", nameof(datasets));
        }

        _producers = new int[datasets.Count];
        Array.Fill(_producers, -1);
        var consumers = Enumerable.Range(0, datasets.Count).Select(_ => new List<int>()).ToArray();
        _nodeInputs = new int[nodes.Count][];
        _nodeOutputs = new int[nodes.Count][];
        for (var n = 0; n < nodes.Count; n++)
        {
            var node = nodes[n];
            if (!_nodeIndex.TryAdd(node.Name, n)) throw new ArgumentException($"Node '{node.Name}' is listed twice.", nameof(nodes));
            _nodeInputs[n] = node.Inputs.Select(i => Dataset(i, node)).Distinct().ToArray();
            _nodeOutputs[n] = node.Outputs.Select(o => Dataset(o, node)).ToArray();
            foreach (var input in _nodeInputs[n])
            {
                if (!consumers[input].Contains(n)) consumers[input].Add(n);
            }

            foreach (var output in _nodeOutputs[n])
            {
                if (_producers[output] >= 0) throw new ArgumentException($"Dataset '{datasets[output].Name}' is produced by both '{nodes[_producers[output]].Name}' and '{node.Name}'.", nameof(nodes));
                _producers[output] = n;
            }
        }

        _consumers = consumers.Select(c => c.ToArray()).ToArray();
        for (var n = 0; n < nodes.Count; n++)
        {
            foreach (var input in _nodeInputs[n])
            {
                if (_producers[input] >= n) throw new ArgumentException($"Node '{nodes[n].Name}' reads '{datasets[input].Name}' before '{nodes[_producers[input]].Name}' produces it: nodes must be in run order.", nameof(nodes));
            }
        }

        int Dataset(string dataset, NodeDefinition node) => _datasetIndex.TryGetValue(dataset, out var index)
            ? index
            : throw new ArgumentException($"Node '{node.Name}' uses dataset '{dataset}', which is not listed.", nameof(datasets));
    }

    /// <summary>The pipeline's name.</summary>
    public string Name { get; }

    /// <summary>Its nodes, in the order a sequential run calls them.</summary>
    public IReadOnlyList<NodeDefinition> Nodes { get; }

    /// <summary>Every dataset its nodes read or write.</summary>
    public IReadOnlyList<DatasetDefinition> Datasets { get; }

    /// <summary>The parameter paths its nodes bind, with their C# types and <c>conf/base</c> values.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>Every tag of its nodes, sorted.</summary>
    public IReadOnlyList<string> Tags => Nodes.SelectMany(n => n.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every namespace of its nodes, outer ones included (<c>a</c> and <c>a.b</c> for a node in <c>a.b</c>), sorted.</summary>
    public IReadOnlyList<string> Namespaces => Nodes.Where(n => n.Namespace is not null)
        .SelectMany(n => Prefixes(n.Namespace!)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The index of node <paramref name="name"/> in <see cref="Nodes"/>, or -1.</summary>
    public int IndexOfNode(string name) => _nodeIndex.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The index of dataset <paramref name="name"/> in <see cref="Datasets"/>, or -1.</summary>
    public int IndexOfDataset(string name) => _datasetIndex.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The free inputs: datasets no node of the pipeline produces (Kedro's <c>Pipeline.inputs()</c>).</summary>
    public IReadOnlyList<DatasetDefinition> Inputs => Datasets.Where((_, i) => _producers[i] < 0).ToArray();

    /// <summary>The outputs no node of the pipeline reads (Kedro's <c>Pipeline.outputs()</c>).</summary>
    public IReadOnlyList<DatasetDefinition> Outputs => Datasets.Where((_, i) => _producers[i] >= 0 && _consumers[i].Length == 0).ToArray();

    /// <summary>
    /// The nodes that meet every given criterion, in run order (Kedro's <c>Pipeline.filter</c>: each criterion
    /// selects from the whole pipeline and the result is their intersection, so the order of the criteria does not matter).
    /// </summary>
    /// <exception cref="PipelineSelectionException">A criterion names something the pipeline does not have, or no node is left.</exception>
    public IReadOnlyList<NodeDefinition> Filter(NodeFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ToNodes(FilterIndices(filter));
    }

    /// <summary>Exactly the named nodes (Kedro's <c>only_nodes</c>; <c>--nodes</c>).</summary>
    /// <exception cref="PipelineSelectionException">A name is not a node of the pipeline.</exception>
    public IReadOnlyList<NodeDefinition> OnlyNodes(params IReadOnlyList<string> names) => ToNodes(OnlyNodeIndices(names, NodeFilterCriterion.Nodes));

    /// <summary>The nodes with any of the tags (Kedro's <c>only_nodes_with_tags</c>; <c>--tags</c>).</summary>
    /// <exception cref="PipelineSelectionException">No node of the pipeline has one of the tags.</exception>
    public IReadOnlyList<NodeDefinition> OnlyNodesWithTags(params IReadOnlyList<string> tags) => ToNodes(TagIndices(tags));

    /// <summary>The nodes in any of the namespaces or a namespace nested in one (Kedro's <c>only_nodes_with_namespaces</c>; <c>--namespaces</c>).</summary>
    /// <exception cref="PipelineSelectionException">No node is in one of the namespaces.</exception>
    public IReadOnlyList<NodeDefinition> OnlyNodesWithNamespaces(params IReadOnlyList<string> namespaces) => ToNodes(NamespaceIndices(namespaces));

    /// <summary>The named nodes and every node that depends on them, directly or transitively (Kedro's <c>from_nodes</c>).</summary>
    /// <exception cref="PipelineSelectionException">A name is not a node of the pipeline.</exception>
    public IReadOnlyList<NodeDefinition> FromNodes(params IReadOnlyList<string> names) => ToNodes(FromNodeIndices(names));

    /// <summary>The named nodes and every node they depend on, directly or transitively (Kedro's <c>to_nodes</c>).</summary>
    /// <exception cref="PipelineSelectionException">A name is not a node of the pipeline.</exception>
    public IReadOnlyList<NodeDefinition> ToNodes(params IReadOnlyList<string> names) => ToNodes(ToNodeIndices(names));

    /// <summary>The nodes that read any of the datasets, and every node that depends on those, directly or transitively (Kedro's <c>from_inputs</c>).</summary>
    /// <exception cref="PipelineSelectionException">A name is not a dataset of the pipeline.</exception>
    public IReadOnlyList<NodeDefinition> FromInputs(params IReadOnlyList<string> datasets) => ToNodes(FromInputIndices(datasets));

    /// <summary>The nodes needed, directly or transitively, to produce the datasets (Kedro's <c>to_outputs</c>).</summary>
    /// <exception cref="PipelineSelectionException">A name is not a dataset of the pipeline.</exception>
    public IReadOnlyList<NodeDefinition> ToOutputs(params IReadOnlyList<string> datasets) => ToNodes(ToOutputIndices(datasets));

    /// <summary>The indices (into <see cref="Nodes"/>) of the nodes <paramref name="filter"/> takes, ascending.</summary>
    /// <exception cref="PipelineSelectionException">A criterion names something the pipeline does not have, or no node is left.</exception>
    public IReadOnlyList<int> FilterIndices(NodeFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var selected = new HashSet<int>(Enumerable.Range(0, Nodes.Count));
        void Intersect(IReadOnlyList<string> values, Func<IReadOnlyList<string>, HashSet<int>> select)
        {
            if (values.Count > 0) selected.IntersectWith(select(values));
        }

        Intersect(filter.Tags, TagIndices);
        Intersect(filter.FromNodes, FromNodeIndices);
        Intersect(filter.ToNodes, ToNodeIndices);
        Intersect(filter.Nodes, names => OnlyNodeIndices(names, NodeFilterCriterion.Nodes));
        Intersect(filter.FromInputs, FromInputIndices);
        Intersect(filter.ToOutputs, ToOutputIndices);
        Intersect(filter.Namespaces, NamespaceIndices);
        if (selected.Count == 0)
        {
            throw new PipelineSelectionException(null, filterName =>
                $"Pipeline '{Name}' contains no nodes after applying all provided filters ({Describe(filter, filterName)}): each filter selects from the whole pipeline and a run takes the nodes every filter selects.");
        }

        return selected.Order().ToArray();
    }

    /// <summary>The nodes that read dataset <paramref name="dataset"/> (indices into <see cref="Nodes"/>).</summary>
    public IReadOnlyList<int> ConsumersOf(int dataset) => _consumers[dataset];

    /// <summary>The node that produces dataset <paramref name="dataset"/>, or -1 for a free input.</summary>
    public int ProducerOf(int dataset) => _producers[dataset];

    /// <summary>The datasets node <paramref name="node"/> reads (indices into <see cref="Datasets"/>, each once).</summary>
    public IReadOnlyList<int> InputsOf(int node) => _nodeInputs[node];

    /// <summary>The datasets node <paramref name="node"/> writes (indices into <see cref="Datasets"/>).</summary>
    public IReadOnlyList<int> OutputsOf(int node) => _nodeOutputs[node];

    /// <summary>The filter's criteria and values, each criterion named by <paramref name="filterName"/>.</summary>
    internal static string Describe(NodeFilter filter, Func<NodeFilterCriterion, string> filterName)
    {
        var parts = new List<string>();
        void Add(NodeFilterCriterion criterion, IReadOnlyList<string> values)
        {
            if (values.Count > 0) parts.Add($"{filterName(criterion)} {string.Join(",", values)}");
        }

        Add(NodeFilterCriterion.Tags, filter.Tags);
        Add(NodeFilterCriterion.Nodes, filter.Nodes);
        Add(NodeFilterCriterion.FromNodes, filter.FromNodes);
        Add(NodeFilterCriterion.ToNodes, filter.ToNodes);
        Add(NodeFilterCriterion.FromInputs, filter.FromInputs);
        Add(NodeFilterCriterion.ToOutputs, filter.ToOutputs);
        Add(NodeFilterCriterion.Namespaces, filter.Namespaces);
        return parts.Count == 0 ? "no filter" : string.Join(" ", parts);
    }

    private HashSet<int> OnlyNodeIndices(IReadOnlyList<string> names, NodeFilterCriterion criterion)
    {
        var result = new HashSet<int>();
        foreach (var name in names)
        {
            if (_nodeIndex.TryGetValue(name, out var index))
            {
                result.Add(index);
                continue;
            }

            // Kedro also points at the node of that name inside a namespace.
            var namespaced = Nodes.Where(n => n.Name.EndsWith("." + name, StringComparison.Ordinal)).Select(n => n.Name).ToList();
            var hint = namespaced.Count > 0
                ? $" Did you mean {string.Join(" or ", namespaced.Select(n => $"'{n}'"))}?"
                : NameSuggestions.DidYouMean(name, _nodeIndex.Keys);
            throw new PipelineSelectionException(criterion, filterName => $"Pipeline '{Name}' does not contain a node named '{name}' ({filterName(criterion)}).{hint}");
        }

        return result;
    }

    private HashSet<int> TagIndices(IReadOnlyList<string> tags)
    {
        var known = Tags;
        foreach (var tag in tags.Where(t => !known.Contains(t, StringComparer.Ordinal)))
        {
            var hint = known.Count == 0 ? " Its nodes have no tags." : NameSuggestions.DidYouMean(tag, known) is { Length: > 0 } match ? match : $" Its tags: {string.Join(", ", known)}.";
            throw new PipelineSelectionException(NodeFilterCriterion.Tags, filterName => $"Pipeline '{Name}' has no node tagged '{tag}' ({filterName(NodeFilterCriterion.Tags)}).{hint}");
        }

        var set = new HashSet<string>(tags, StringComparer.Ordinal);
        return Enumerable.Range(0, Nodes.Count).Where(i => Nodes[i].Tags.Any(set.Contains)).ToHashSet();
    }

    private HashSet<int> NamespaceIndices(IReadOnlyList<string> namespaces)
    {
        var result = new HashSet<int>();
        foreach (var ns in namespaces)
        {
            var matching = Enumerable.Range(0, Nodes.Count)
                .Where(i => Nodes[i].Namespace is { } own && (own == ns || own.StartsWith(ns + ".", StringComparison.Ordinal)))
                .ToList();
            if (matching.Count == 0)
            {
                var known = Namespaces;
                var hint = known.Count == 0 ? " Its nodes have no namespace." : NameSuggestions.DidYouMean(ns, known) is { Length: > 0 } match ? match : $" Its namespaces: {string.Join(", ", known)}.";
                throw new PipelineSelectionException(NodeFilterCriterion.Namespaces,
                    filterName => $"Pipeline '{Name}' does not contain nodes with the namespace '{ns}' ({filterName(NodeFilterCriterion.Namespaces)}).{hint}");
            }

            result.UnionWith(matching);
        }

        return result;
    }

    private HashSet<int> FromNodeIndices(IReadOnlyList<string> names)
    {
        // Kedro: only_nodes(*names) + from_inputs(*their outputs).
        var result = OnlyNodeIndices(names, NodeFilterCriterion.FromNodes);
        result.UnionWith(Downstream(result.SelectMany(n => _nodeOutputs[n])));
        return result;
    }

    private HashSet<int> ToNodeIndices(IReadOnlyList<string> names)
    {
        // Kedro: only_nodes(*names) + to_outputs(*their inputs).
        var result = OnlyNodeIndices(names, NodeFilterCriterion.ToNodes);
        result.UnionWith(Upstream(result.SelectMany(n => _nodeInputs[n])));
        return result;
    }

    private HashSet<int> FromInputIndices(IReadOnlyList<string> datasets) => Downstream(DatasetIndices(datasets, NodeFilterCriterion.FromInputs));

    private HashSet<int> ToOutputIndices(IReadOnlyList<string> datasets) => Upstream(DatasetIndices(datasets, NodeFilterCriterion.ToOutputs));

    /// <summary>The nodes that read any of <paramref name="datasets"/>, then the nodes that read their outputs, and so on.</summary>
    private HashSet<int> Downstream(IEnumerable<int> datasets)
    {
        var result = new HashSet<int>();
        var queue = new Queue<int>(datasets);
        var seen = new HashSet<int>(queue);
        while (queue.Count > 0)
        {
            foreach (var consumer in _consumers[queue.Dequeue()])
            {
                if (!result.Add(consumer)) continue;
                foreach (var output in _nodeOutputs[consumer])
                {
                    if (seen.Add(output)) queue.Enqueue(output);
                }
            }
        }

        return result;
    }

    /// <summary>The nodes that produce any of <paramref name="datasets"/>, then the producers of their inputs, and so on.</summary>
    private HashSet<int> Upstream(IEnumerable<int> datasets)
    {
        var result = new HashSet<int>();
        var queue = new Queue<int>(datasets);
        var seen = new HashSet<int>(queue);
        while (queue.Count > 0)
        {
            var producer = _producers[queue.Dequeue()];
            if (producer < 0 || !result.Add(producer)) continue;
            foreach (var input in _nodeInputs[producer])
            {
                if (seen.Add(input)) queue.Enqueue(input);
            }
        }

        return result;
    }

    private List<int> DatasetIndices(IReadOnlyList<string> datasets, NodeFilterCriterion criterion)
    {
        var result = new List<int>();
        foreach (var dataset in datasets)
        {
            if (!_datasetIndex.TryGetValue(dataset, out var index))
            {
                var hint = NameSuggestions.DidYouMean(dataset, _datasetIndex.Keys);
                throw new PipelineSelectionException(criterion, filterName => $"Pipeline '{Name}' does not contain a dataset named '{dataset}' ({filterName(criterion)}).{hint}");
            }

            result.Add(index);
        }

        return result;
    }

    private IReadOnlyList<NodeDefinition> ToNodes(IEnumerable<int> indices) => indices.Order().Select(i => Nodes[i]).ToArray();

    private static IEnumerable<string> Prefixes(string ns)
    {
        for (var dot = ns.IndexOf('.'); dot >= 0; dot = ns.IndexOf('.', dot + 1)) yield return ns[..dot];
        yield return ns;
    }
}
