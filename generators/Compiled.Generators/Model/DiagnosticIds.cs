namespace Compiled.Generators.Model;

/// <summary>
/// The ids of the project diagnostics. An id never changes meaning; the analyzers' descriptors
/// (Compiled.Analyzers/DiagnosticDescriptors.cs) give each its message and help link.
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>{0} the reader ("Node 'clean'", or "Pipeline 'predict' (Artifacts)"), {1} input, {2} suggestion text.</summary>
    public const string UnresolvedInput = "CPL0001";

    /// <summary>{0} node, {1} path, {2} suggestion text.</summary>
    public const string UnknownParameter = "CPL0002";

    /// <summary>{0} description of the mismatch.</summary>
    public const string TypeMismatch = "CPL0003";

    /// <summary>{0} dataset, {1} pipeline, {2} producers.</summary>
    public const string DuplicateProducer = "CPL0004";

    /// <summary>{0} pipeline, {1} cycle.</summary>
    public const string Cycle = "CPL0005";

    /// <summary>{0} file, {1} parser message.</summary>
    public const string InvalidYaml = "CPL0006";

    /// <summary>{0} dataset, {1} problem.</summary>
    public const string InvalidCatalogEntry = "CPL0007";

    /// <summary>{0} method, {1} problem.</summary>
    public const string UnsupportedNode = "CPL0008";

    /// <summary>{0} "Catalog entry"/"Parameter", {1} name.</summary>
    public const string Unused = "CPL0009";

    /// <summary>{0} dataset, {1} dataset type, {2} C# type, {3} what it supports.</summary>
    public const string IncompatibleDatasetType = "CPL0010";

    /// <summary>{0} expression, {1} dataset, {2} what to do.</summary>
    public const string UnresolvedInterpolation = "CPL0011";

    /// <summary>{0} "node"/"pipeline", {1} name.</summary>
    public const string DuplicateName = "CPL0012";

    /// <summary>{0} pipeline, {1} the [Include] entry as written, {2} included type, {3} "input"/"output"/"parameter", {4} name, {5} suggestion text.</summary>
    public const string UnknownIncludeName = "CPL0013";

    /// <summary>{0} pipeline, {1} the [Include] entry as written, {2} included type, {3} name, {4} why.</summary>
    public const string IncludeNameOfWrongKind = "CPL0014";

    /// <summary>{0} pipeline, {1} the [Include] entry or namespace as written (may be empty), {2} problem.</summary>
    public const string InvalidInclude = "CPL0015";

    /// <summary>{0} expression, {1} dataset, {2} key, {3} what to do.</summary>
    public const string UntrustedRuntimeValue = "CPL0016";

    /// <summary>{0} dataset, {1} environment, {2} base type, {3} environment type. Reported by the analyzers only.</summary>
    public const string EnvironmentChangesType = "CPL0017";

    /// <summary>{0} dataset, {1} reading node, {2} its type, {3} the value's type, {4} the node that writes (or first reads) it.</summary>
    public const string NullableMismatch = "CPL0018";

    /// <summary>{0} dataset, {1} the Kedro type as written, {2} the Kedro types supported, {3} Compiled's own types.</summary>
    public const string UnsupportedKedroType = "CPL0019";

    /// <summary>{0} dataset, {1} the key (<c>load_args.na_values</c>), {2} the type as written, {3} what to do instead.</summary>
    public const string UnsupportedDatasetArgument = "CPL0020";

    /// <summary>{0} expression, {1} parameter path, {2} what to do.</summary>
    public const string UnresolvedParameterInterpolation = "CPL0021";
}
