namespace Compiled.Pipelines;

/// <summary>A parameter path that nodes of a pipeline bind with <c>[Param]</c>, with its C# type and its <c>conf/base</c> value.</summary>
public sealed class ParameterDefinition
{
    /// <summary>Describes a bound parameter.</summary>
    /// <param name="path">The dotted path (<c>model_options.test_size</c>, with its namespace prefix, if any).</param>
    /// <param name="dataType">The C# type the value is bound into, as written in C#.</param>
    /// <param name="value">The value in <c>conf/base/parameters*.yml</c>, as JSON text, or null when the build could not read it.</param>
    public ParameterDefinition(string path, string dataType, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(dataType);
        Path = path;
        DataType = dataType;
        Value = value;
    }

    /// <summary>The dotted path, with its namespace prefix, if any.</summary>
    public string Path { get; }

    /// <summary>The C# type the value is bound into.</summary>
    public string DataType { get; }

    /// <summary>The value in <c>conf/base/parameters*.yml</c> as JSON text (environments may override it), or null.</summary>
    public string? Value { get; }

    /// <inheritdoc />
    public override string ToString() => Path;
}
