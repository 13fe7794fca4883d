using Compiled.Config;
using Compiled.Pipelines;

namespace Compiled.Cli.Viz;

/// <summary>
/// Turns a pipeline's <see cref="PipelineDefinition"/> (generated at build time: names, C# types, declarations) and the
/// session's catalog (file paths and layers of the environment) into a <see cref="VizGraph"/>. No reflection.
/// </summary>
internal static class VizGraphBuilder
{
    public static VizGraph Build(Session session, PipelineDefinition definition)
    {
        var namespaces = definition.Namespaces;
        string? NamespaceOf(string name) =>
            namespaces.Where(ns => name.StartsWith(ns + ".", StringComparison.Ordinal)).MaxBy(ns => ns.Length);

        var nodes = new List<VizNode>();
        var edges = new List<VizEdge>();
        foreach (var node in definition.Nodes)
        {
            var id = TaskId(node.Name);
            nodes.Add(new VizNode(id, node.Name, VizNodeKind.Task, node.Namespace, node.Tags)
            {
                Signature = node.Source?.Signature,
                Source = node.Source?.ToString(),
            });
            edges.AddRange(node.Inputs.Distinct(StringComparer.Ordinal).Select(input => new VizEdge(DataId(input), id)));
            edges.AddRange(node.Parameters.Distinct(StringComparer.Ordinal).Select(path => new VizEdge(ParameterId(path), id)));
            edges.AddRange(node.Outputs.Select(output => new VizEdge(id, DataId(output))));
        }

        foreach (var dataset in definition.Datasets)
        {
            var (filePath, layer) = dataset.IsInCatalog ? CatalogValues(session, dataset.Name) : (null, null);
            nodes.Add(new VizNode(DataId(dataset.Name), dataset.Name, VizNodeKind.Data, NamespaceOf(dataset.Name), [])
            {
                DataType = dataset.DataType,
                CatalogType = Storage(dataset),
                IsPersisted = dataset.IsPersisted,
                FilePath = filePath,
                Layer = layer,
            });
        }

        var parameters = definition.Parameters.ToDictionary(p => p.Path, StringComparer.Ordinal);
        foreach (var path in definition.Nodes.SelectMany(n => n.Parameters).Distinct(StringComparer.Ordinal))
        {
            parameters.TryGetValue(path, out var parameter);
            nodes.Add(new VizNode(ParameterId(path), "params:" + path, VizNodeKind.Parameters, NamespaceOf(path), [])
            {
                DataType = parameter?.DataType,
                Value = parameter?.Value,
            });
        }

        return new VizGraph(definition.Name, nodes, edges);
    }

    /// <summary>The id of the task vertex of node <paramref name="name"/>.</summary>
    public static string TaskId(string name) => "task:" + name;

    private static string DataId(string name) => "data:" + name;

    private static string ParameterId(string path) => "param:" + path;

    private static string Storage(DatasetDefinition dataset) => dataset.Storage switch
    {
        DatasetStorage.Persisted => dataset.Type ?? "catalog",
        DatasetStorage.CatalogMemory => "memory",
        DatasetStorage.RuntimeInput => "runtime input",
        _ => "memory (run only)",
    };

    /// <summary>The entry's <c>filepath</c> and <c>metadata.kedro-viz.layer</c> in the session's environment; nulls when it has none or is broken.</summary>
    private static (string? FilePath, string? Layer) CatalogValues(Session session, string dataset)
    {
        try
        {
            var config = session.Config.GetDataset(dataset);
            var layer = config.GetMapping("metadata")?["kedro-viz"] is ConfigMapping viz && viz["layer"] is ConfigScalar { Value: { } value } ? value : null;
            return (config.GetString("filepath"), layer);
        }
        catch (Exception exception) when (exception is ConfigException or DatasetException)
        {
            // A broken entry fails the runs that use it, with its own message; the picture shows what it can.
            return (null, null);
        }
    }
}
