namespace Compiled;

/// <summary>
/// Marks a static method as a pipeline node. The source generator reads the method's signature:
/// each parameter is an input (bound by <see cref="InputAttribute"/> or by its name in snake_case),
/// a parameter (<see cref="ParamAttribute"/>) or a <see cref="System.Threading.CancellationToken"/>;
/// the return value is bound to <see cref="Output"/> or, for a tuple, to <see cref="Outputs"/>.
/// </summary>
/// <remarks>
/// A node may return <c>void</c>, a value, a tuple, or a <see cref="System.Threading.Tasks.Task"/> /
/// <see cref="System.Threading.Tasks.ValueTask"/> of those.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class NodeAttribute : Attribute
{
    /// <summary>The node's name; defaults to the method name in snake_case.</summary>
    public string? Name { get; set; }

    /// <summary>The dataset the return value is bound to, for a node with one output.</summary>
    public string? Output { get; set; }

    /// <summary>The datasets the elements of a returned tuple are bound to, in order.</summary>
    public string[]? Outputs { get; set; }

    /// <summary>Tags for filtered runs.</summary>
    public string[]? Tags { get; set; }
}
