using Compiled;

namespace Other;

/// <summary>A node of a project no silo serves.</summary>
public static class Echo
{
    /// <summary>Returns its parameter.</summary>
    [Node(Output = "echo")]
    public static double Value([Param("other.k")] double k) => k;
}

/// <summary>The pipeline the silos do not serve.</summary>
[Pipeline(typeof(Echo))]
public sealed partial class EchoPipeline;
