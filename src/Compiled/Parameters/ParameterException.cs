namespace Compiled;

/// <summary>A parameter override is malformed, names an unknown path, or has a value of the wrong type.</summary>
public sealed class ParameterException : Exception
{
    /// <summary>Creates the exception for the parameter at <paramref name="path"/>.</summary>
    public ParameterException(string path, string message, Exception? innerException = null)
        : base(message, innerException) => Path = path;

    /// <summary>The dotted parameter path.</summary>
    public string Path { get; }
}
