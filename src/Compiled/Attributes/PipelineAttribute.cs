namespace Compiled;

/// <summary>
/// Declares a pipeline on a <c>partial</c> class: the <see cref="NodeAttribute"/> methods of the
/// given classes, ordered by their data dependencies. The generator adds <c>Run</c>/<c>RunAsync</c>
/// and a typed <c>Result</c> to the class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PipelineAttribute : Attribute
{
    /// <summary>Declares a pipeline made of the nodes declared in <paramref name="nodeClasses"/>.</summary>
    public PipelineAttribute(params Type[] nodeClasses) => NodeClasses = nodeClasses;

    /// <summary>The classes whose <see cref="NodeAttribute"/> methods make up the pipeline.</summary>
    public Type[] NodeClasses { get; }

    /// <summary>
    /// The pipeline's name (as used by <c>--pipeline</c>); defaults to the class name without
    /// a <c>Pipeline</c> suffix, in snake_case. The pipeline named <c>default</c> runs when none is named.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>Free inputs supplied by the caller of each run as typed arguments of <c>Run</c>.</summary>
    public string[]? Inputs { get; set; }

    /// <summary>Catalog datasets loaded once on first use and shared by every run of the session.</summary>
    public string[]? Artifacts { get; set; }
}
