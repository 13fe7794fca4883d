using System.Globalization;
using System.Text;

namespace Compiled.Benchmarks.Analysis;

/// <summary>
/// A clean synthetic Compiled project of N nodes, shaped like a real one: classes of 50 nodes, each node
/// reading the previous node's output (the first of a class reads a catalog csv), every fifth node also
/// reading a typed parameter and every tenth output persisted in the catalog as json; one pipeline per
/// class and a default pipeline of all classes.
/// </summary>
internal sealed record SyntheticProject(IReadOnlyList<string> Sources, string Catalog, string Parameters)
{
    private const int NodesPerClass = 50;

    public static SyntheticProject Create(int nodes)
    {
        var sources = new List<string>();
        var catalog = new StringBuilder();
        var parameters = new StringBuilder();
        var classes = (nodes + NodesPerClass - 1) / NodesPerClass;
        var shared = new StringBuilder("namespace Synthetic;\n\npublic sealed record Row(int Id, double Value);\n\npublic sealed record StepOptions(double Factor, int Limit, string Label);\n\n");
        shared.Append("[global::Compiled.Pipeline(")
            .Append(string.Join(", ", Enumerable.Range(0, classes).Select(c => $"typeof(Nodes{c})")))
            .Append(")]\npublic sealed partial class DefaultPipeline;\n");
        sources.Add(shared.ToString());

        for (var c = 0; c < classes; c++)
        {
            var source = new StringBuilder("using System.Linq;\nusing Compiled;\n\nnamespace Synthetic;\n\n");
            source.Append($"[Pipeline(typeof(Nodes{c}))]\npublic sealed partial class Part{c}Pipeline;\n\n");
            source.Append($"public static class Nodes{c}\n{{\n");
            var count = Math.Min(NodesPerClass, nodes - c * NodesPerClass);
            var raw = $"raw_{c}";
            catalog.Append($"{raw}:\n  type: csv\n  filepath: data/01_raw/{raw}.csv\n\n");
            for (var i = 0; i < count; i++)
            {
                var output = Name(c, i);
                var input = i == 0 ? raw : Name(c, i - 1);
                var param = i % 5 == 4 ? $", [Param(\"step_{c}_{i}\")] StepOptions options" : "";
                var body = i % 5 == 4 ? "rows.Select(r => r with { Value = r.Value * options.Factor }).Take(options.Limit).ToArray()" : "rows";
                source.Append($"    [Node(Output = \"{output}\")]\n    public static Row[] Step{c}_{i}([Input(\"{input}\")] Row[] rows{param}) => {body};\n\n");
                if (i % 10 == 9 || i == count - 1) catalog.Append($"{output}:\n  type: json\n  filepath: data/02_intermediate/{output}.json\n\n");
                if (i % 5 == 4) parameters.Append($"step_{c}_{i}:\n  factor: 1.5\n  limit: {i}\n  label: step {i}\n");
            }

            source.Append("}\n");
            sources.Add(source.ToString());
        }

        return new SyntheticProject(sources, catalog.ToString(), parameters.ToString());
    }

    private static string Name(int c, int i) => $"d_{c}_{i.ToString("00", CultureInfo.InvariantCulture)}";
}
