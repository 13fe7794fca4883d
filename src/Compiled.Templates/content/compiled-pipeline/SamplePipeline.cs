using Compiled;

namespace MyNamespace;

/// <summary>The nodes of the sample pipeline.</summary>
public static class SampleNodes
{
    /// <summary>Counts the lines given at run time. Replace with the pipeline's work; add nodes as methods.</summary>
    [Node(Output = "sample_line_count")]
    public static int CountLines([Input("sample_lines")] string[] lines) => lines.Length;
}

/// <summary>
/// The sample pipeline: <c>session.Sample.Run(lines)</c>. Its input is given at run time; give it a catalog entry
/// (conf/base/catalog.yml) to load it from a file instead, and remove it from <c>Inputs</c>.
/// </summary>
[Pipeline(typeof(SampleNodes), Inputs = ["sample_lines"])]
public sealed partial class SamplePipeline;
