namespace Compiled.Cli.Viz;

/// <summary>What a vertex of the flowchart stands for (kedro-viz's node types).</summary>
internal enum VizNodeKind
{
    /// <summary>A node: a <c>[Node]</c> method.</summary>
    Task,

    /// <summary>A dataset.</summary>
    Data,

    /// <summary>A parameter path bound with <c>[Param]</c>.</summary>
    Parameters,
}

/// <summary>A vertex of the flowchart, with what the page's panel shows for it.</summary>
/// <param name="Id">Unique within the pipeline: <c>task:name</c>, <c>data:name</c>, <c>param:path</c>.</param>
/// <param name="Name">The label: the node's or dataset's name, <c>params:path</c> for parameters.</param>
/// <param name="Kind">A task, a dataset or a parameter.</param>
/// <param name="Namespace">The modular pipeline it belongs to (<c>outer.inner</c>), or null.</param>
/// <param name="Tags">A task's tags.</param>
internal sealed record VizNode(string Id, string Name, VizNodeKind Kind, string? Namespace, IReadOnlyList<string> Tags)
{
    /// <summary>A task's C# signature.</summary>
    public string? Signature { get; init; }

    /// <summary>A task's source file (project-relative) and line: <c>DataScience.cs:14</c>.</summary>
    public string? Source { get; init; }

    /// <summary>A dataset's or parameter's C# type.</summary>
    public string? DataType { get; init; }

    /// <summary>A dataset's catalog type (<c>csv</c>), or how it is kept (<c>memory (run only)</c>, <c>runtime input</c>).</summary>
    public string? CatalogType { get; init; }

    /// <summary>Whether a dataset outlives the run in a file or database.</summary>
    public bool IsPersisted { get; init; }

    /// <summary>A dataset's <c>filepath</c> in the catalog of the session's environment.</summary>
    public string? FilePath { get; init; }

    /// <summary>A dataset's <c>metadata.kedro-viz.layer</c>.</summary>
    public string? Layer { get; init; }

    /// <summary>A parameter's <c>conf/base</c> value as JSON text.</summary>
    public string? Value { get; init; }
}

/// <summary>An arrow of the flowchart: dataset or parameter to the task reading it, task to the dataset it writes.</summary>
internal sealed record VizEdge(string Source, string Target);

/// <summary>One pipeline as a flowchart: its vertices (tasks in run order, then datasets and parameters) and arrows.</summary>
internal sealed record VizGraph(string Name, IReadOnlyList<VizNode> Nodes, IReadOnlyList<VizEdge> Edges)
{
    /// <summary>Every namespace of its vertices, outer ones included, sorted.</summary>
    public IReadOnlyList<string> Namespaces => Nodes.Where(n => n.Namespace is not null)
        .SelectMany(n => Prefixes(n.Namespace!)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every tag of its tasks, sorted.</summary>
    public IReadOnlyList<string> Tags => Nodes.SelectMany(n => n.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every layer of its datasets, in order of first appearance.</summary>
    public IReadOnlyList<string> Layers => Nodes.Select(n => n.Layer).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The namespace <paramref name="ns"/> is nested in (<c>a</c> for <c>a.b</c>), or null for a top-level one.</summary>
    public static string? ParentOf(string ns) => ns.LastIndexOf('.') is var dot and >= 0 ? ns[..dot] : null;

    /// <summary><c>a</c>, <c>a.b</c> for <c>a.b</c>.</summary>
    public static IEnumerable<string> Prefixes(string ns)
    {
        for (var dot = ns.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = ns.IndexOf('.', dot + 1)) yield return ns[..dot];
        yield return ns;
    }
}
