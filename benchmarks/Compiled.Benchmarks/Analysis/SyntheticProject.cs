using System.Globalization;
using System.Text;

namespace Compiled.Benchmarks.Analysis;

/// <summary>
/// A clean synthetic Compiled project of N nodes, shaped like a real one: classes of 50 nodes, each node
/// reading the previous node's output (the first of a class reads a catalog csv), every fifth node also
/// reading a typed parameter and every tenth output persisted in the catalog as json; one pipeline per
/// class and a default pipeline of all classes; and one file with no node (Helpers.cs).
/// </summary>
internal sealed record SyntheticProject(IReadOnlyList<(string File, string Text)> Sources, string Catalog, string Parameters)
{
    private const int NodesPerClass = 50;

    /// <summary>A one-line edit in the file with no node.</summary>
    public static readonly (string File, string Before, string After) HelperEdit = ("Helpers.cs", "=> 41;", "=> 42;");

    /// <summary>A one-line edit in the body of the first node (Nodes0.cs): its signature and attributes stay as they are.</summary>
    public static readonly (string File, string Before, string After) NodeBodyEdit = ("Nodes0.cs", "Row[] rows) => rows;", "Row[] rows) => rows.ToArray();");

    public static SyntheticProject Create(int nodes)
    {
        var sources = new List<(string File, string Text)>
        {
            ("Helpers.cs", "namespace Synthetic;\n\ninternal static class Helpers\n{\n    public static int Answer() => 41;\n}\n"),
        };
        var catalog = new StringBuilder();
        var parameters = new StringBuilder();
        var classes = (nodes + NodesPerClass - 1) / NodesPerClass;
        var shared = new StringBuilder("namespace Synthetic;\n\npublic sealed record Row(int Id, double Value);\n\npublic sealed record StepOptions(double Factor, int Limit, string Label);\n\n");
        shared.Append("[global::Compiled.Pipeline(")
            .Append(string.Join(", ", Enumerable.Range(0, classes).Select(c => $"typeof(Nodes{c})")))
            .Append(")]\npublic sealed partial class DefaultPipeline;\n");
        sources.Add(("Shared.cs", shared.ToString()));

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
            sources.Add(($"Nodes{c}.cs", source.ToString()));
        }

        return new SyntheticProject(sources, catalog.ToString(), parameters.ToString());
    }

    private static string Name(int c, int i) => $"d_{c}_{i.ToString("00", CultureInfo.InvariantCulture)}";
}
