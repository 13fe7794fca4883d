namespace Compiled;

/// <summary>
/// Binds a node parameter to a named dataset: a catalog entry, another node's output or a
/// pipeline's runtime input. Without it, a parameter binds to its own name in snake_case.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>Binds the parameter to the dataset <paramref name="name"/>.</summary>
    public InputAttribute(string name) => Name = name;

    /// <summary>The dataset name.</summary>
    public string Name { get; }
}
