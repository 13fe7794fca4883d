using System.Text.Json;

namespace Compiled.Cli.Viz;

/// <summary>
/// The project's pipelines as data shaped after kedro-viz's pipeline API (<c>/api/main</c>): <c>nodes</c> (each with the
/// <c>pipelines</c> it is in and its <c>modular_pipelines</c>), <c>edges</c>, <c>modular_pipelines</c> (a tree from
/// <c>__root__</c> with each one's inputs, outputs and children), <c>tags</c>, <c>layers</c>, <c>pipelines</c> and
/// <c>selected_pipeline</c>. Compiled's own facts (C# types, signatures, source locations) are extra node fields.
/// </summary>
internal static class KedroVizJson
{
    private const string Root = "__root__";

    public static void Write(Stream output, IReadOnlyList<VizGraph> graphs, string selected)
    {
        // A vertex is the same in every pipeline that has it (names are global in a project).
        var nodes = new Dictionary<string, (VizNode Node, List<string> Pipelines)>(StringComparer.Ordinal);
        var edges = new HashSet<VizEdge>();
        foreach (var graph in graphs)
        {
            foreach (var node in graph.Nodes)
            {
                if (!nodes.TryGetValue(node.Id, out var entry)) nodes[node.Id] = entry = (node, []);
                entry.Pipelines.Add(graph.Name);
            }

            edges.UnionWith(graph.Edges);
        }

        var all = new VizGraph("", nodes.Values.Select(v => v.Node).ToArray(), edges.ToArray());
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("nodes");
        foreach (var (node, pipelines) in nodes.Values)
        {
            json.WriteStartObject();
            json.WriteString("id", node.Id);
            json.WriteString("name", node.Name);
            json.WriteString("type", JsonWriting.KindName(node.Kind));
            json.WriteStrings("tags", node.Tags);
            json.WriteStrings("pipelines", pipelines);
            json.WriteStrings("modular_pipelines", node.Namespace is null ? [] : VizGraph.Prefixes(node.Namespace));
            Nullable(json, "layer", node.Layer);
            Nullable(json, "dataset_type", node.Kind == VizNodeKind.Data ? node.CatalogType : null);
            json.WriteDetails(node);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("edges");
        foreach (var edge in all.Edges)
        {
            json.WriteStartObject();
            json.WriteString("source", edge.Source);
            json.WriteString("target", edge.Target);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteModularPipelines(json, all);
        json.WriteStartArray("tags");
        foreach (var tag in all.Tags)
        {
            json.WriteStartObject();
            json.WriteString("id", tag);
            json.WriteString("name", tag);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStrings("layers", all.Layers);
        json.WriteStartArray("pipelines");
        foreach (var graph in graphs)
        {
            json.WriteStartObject();
            json.WriteString("id", graph.Name);
            json.WriteString("name", graph.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("selected_pipeline", selected);
        json.WriteEndObject();
    }

    /// <summary>Each modular pipeline with the datasets it reads from and writes to the outside, and its direct children.</summary>
    private static void WriteModularPipelines(Utf8JsonWriter json, VizGraph all)
    {
        static bool Inside(string? own, string ns) => own is not null && (own == ns || own.StartsWith(ns + ".", StringComparison.Ordinal));
        var byId = all.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        json.WriteStartObject("modular_pipelines");
        foreach (var ns in all.Namespaces.Prepend(Root))
        {
            json.WriteStartObject(ns);
            json.WriteString("id", ns);
            json.WriteString("name", ns);
            // Kedro's rule: inputs are what its nodes read and do not produce; outputs what its nodes produce and no
            // node of it reads.
            bool InsideTask(string id) => byId[id].Kind == VizNodeKind.Task && Inside(byId[id].Namespace, ns);
            var produced = all.Edges.Where(e => InsideTask(e.Source)).Select(e => e.Target).ToHashSet(StringComparer.Ordinal);
            var inputs = ns == Root ? [] : all.Edges.Where(e => InsideTask(e.Target) && !produced.Contains(e.Source)).Select(e => e.Source).Distinct().ToList();
            var outputs = ns == Root ? [] : produced.Where(d => all.Edges.Where(e => e.Source == d).All(e => !InsideTask(e.Target))).ToList();
            json.WriteStrings("inputs", inputs);
            json.WriteStrings("outputs", outputs);
            json.WriteStartArray("children");
            var own = ns == Root ? null : ns;
            foreach (var node in all.Nodes.Where(n => n.Namespace == own))
            {
                json.WriteStartObject();
                json.WriteString("id", node.Id);
                json.WriteString("type", JsonWriting.KindName(node.Kind));
                json.WriteEndObject();
            }

            foreach (var child in all.Namespaces.Where(c => VizGraph.ParentOf(c) == own))
            {
                json.WriteStartObject();
                json.WriteString("id", child);
                json.WriteString("type", "modularPipeline");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

}
