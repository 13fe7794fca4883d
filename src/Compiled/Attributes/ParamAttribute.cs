namespace Compiled;

/// <summary>
/// Binds a node parameter to a value of the project's parameters YAML, by dotted path
/// (<c>model_options</c>, <c>model_options.test_size</c>). The YAML value is bound into the
/// parameter's C# type at compile time.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ParamAttribute : Attribute
{
    /// <summary>Binds the parameter to the parameters YAML value at <paramref name="path"/>.</summary>
    public ParamAttribute(string path) => Path = path;

    /// <summary>The dotted path into the parameters YAML.</summary>
    public string Path { get; }
}
