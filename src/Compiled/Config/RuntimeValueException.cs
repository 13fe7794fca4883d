namespace Compiled;

/// <summary>
/// A runtime value (<c>${runtime:name}</c>, given to a pipeline's <c>Run</c>, a route value or <c>--runtime</c>)
/// that the catalog entry using it refuses: a path value that is not exactly one path segment, a value that
/// would change a SQL text or a connection string, a table name the entry does not allow. Runtime values
/// come from callers and are untrusted; the message names the dataset, the runtime value and the rule broken,
/// and never repeats the value itself. Served endpoints answer it with 400.
/// </summary>
public sealed class RuntimeValueException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="datasetName">The catalog entry that uses the value.</param>
    /// <param name="valueName">The runtime value's name (the <c>name</c> of <c>${runtime:name}</c>).</param>
    /// <param name="message">The whole message: dataset, value name, rule broken and what to do.</param>
    public RuntimeValueException(string datasetName, string valueName, string message)
        : base(message)
    {
        DatasetName = datasetName;
        ValueName = valueName;
    }

    /// <summary>The catalog name of the dataset whose entry uses the value.</summary>
    public string DatasetName { get; }

    /// <summary>The runtime value's name.</summary>
    public string ValueName { get; }
}
