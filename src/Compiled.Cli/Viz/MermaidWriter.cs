namespace Compiled.Cli.Viz;

/// <summary>
/// A pipeline as a Mermaid flowchart (top to bottom): tasks as rectangles, datasets as cylinders (persisted) or
/// stadiums (in memory), parameters as parallelograms, each modular pipeline as a subgraph. Ids are generated
/// (<c>t0</c>, <c>d0</c>, <c>p0</c>, <c>s0</c>), so any name is safe; names appear only in quoted labels.
/// </summary>
internal static class MermaidWriter
{
    public static void Write(TextWriter output, VizGraph graph)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var counters = new Dictionary<char, int>();
        string NextId(char prefix)
        {
            counters.TryGetValue(prefix, out var count);
            counters[prefix] = count + 1;
            return prefix.ToString() + count;
        }

        foreach (var node in graph.Nodes)
        {
            ids[node.Id] = NextId(node.Kind switch { VizNodeKind.Task => 't', VizNodeKind.Data => 'd', _ => 'p' });
        }

        output.WriteLine("flowchart TB");
        WriteMembers(output, graph, ids, null, 1, () => NextId('s'));
        foreach (var edge in graph.Edges) output.WriteLine($"    {ids[edge.Source]} --> {ids[edge.Target]}");
        output.WriteLine("    classDef task fill:#ffffff,stroke:#1e2430");
        output.WriteLine("    classDef data fill:#e8f0fe,stroke:#5b7fc7");
        output.WriteLine("    classDef parameters fill:#fff6e0,stroke:#c89a2e");
        foreach (var kind in new[] { VizNodeKind.Task, VizNodeKind.Data, VizNodeKind.Parameters })
        {
            var members = graph.Nodes.Where(n => n.Kind == kind).Select(n => ids[n.Id]).ToList();
            if (members.Count > 0) output.WriteLine($"    class {string.Join(",", members)} {kind.ToString().ToLowerInvariant()}");
        }
    }

    /// <summary>The vertices directly in <paramref name="ns"/> (the top level when null), then each namespace nested in it as a subgraph.</summary>
    private static void WriteMembers(TextWriter output, VizGraph graph, Dictionary<string, string> ids, string? ns, int depth, Func<string> subgraphId)
    {
        var indent = new string(' ', 4 * depth);
        foreach (var node in graph.Nodes.Where(n => n.Namespace == ns)) output.WriteLine(indent + ids[node.Id] + Shape(node));
        foreach (var child in graph.Namespaces.Where(n => VizGraph.ParentOf(n) == ns))
        {
            output.WriteLine($"{indent}subgraph {subgraphId()}[\"{Label(child)}\"]");
            WriteMembers(output, graph, ids, child, depth + 1, subgraphId);
            output.WriteLine(indent + "end");
        }
    }

    private static string Shape(VizNode node) => node.Kind switch
    {
        VizNodeKind.Task => $"[\"{Label(node.Name)}\"]",
        VizNodeKind.Parameters => $"[/\"{Label(node.Name)}\"/]",
        _ when !node.IsPersisted => $"([\"{Label(node.Name)}\"])",
        _ => $"[(\"{Label(node.Name)}\")]",
    };

    /// <summary>A name inside a quoted Mermaid label: quotes and angle brackets as Mermaid's entity codes.</summary>
    private static string Label(string name) => name.Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;");
}
