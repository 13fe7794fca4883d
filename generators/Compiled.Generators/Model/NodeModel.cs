namespace Compiled.Generators.Model;

/// <summary>How a node method parameter is fed.</summary>
internal enum NodeParameterKind
{
    /// <summary>A dataset: a catalog entry, another node's output or a runtime input.</summary>
    Input,

    /// <summary>A value of the parameters YAML, by dotted path.</summary>
    Parameter,

    /// <summary>The run's cancellation token.</summary>
    CancellationToken,
}

/// <summary>What a node method returns once awaited.</summary>
internal enum NodeReturnKind
{
    Void,
    Single,
    Tuple,
}

/// <summary>Whether a node method must be awaited.</summary>
internal enum AwaitKind
{
    None,
    Task,
    ValueTask,
}

/// <summary>A node method parameter.</summary>
/// <param name="Binding">The dataset name (inputs) or the dotted parameters path (parameters).</param>
/// <param name="ArrayElement">For array types, the element type: the rows that row datasets (csv, parquet, …) read.</param>
/// <param name="Type">The parameter's type, with its nullability.</param>
/// <param name="Shape">For parameters, the shape of the type the YAML value is bound into.</param>
internal sealed record NodeParameterModel(
    string ParameterName,
    NodeParameterKind Kind,
    string Binding,
    TypeRef Type,
    RowTypeModel? ArrayElement,
    TypeShape? Shape)
{
    /// <summary>The <c>global::</c> type name, with nullable annotations.</summary>
    public string TypeName => Type.Name;
}

/// <summary>A dataset a node writes: the return value, or one element of a returned tuple.</summary>
internal sealed record NodeOutputModel(string Dataset, TypeRef Type, RowTypeModel? ArrayElement)
{
    /// <summary>The <c>global::</c> type name, with nullable annotations.</summary>
    public string TypeName => Type.Name;
}

/// <summary>The element type of an array a node reads or writes, as the row datasets need to know it.</summary>
/// <param name="TypeName">The <c>global::</c> type name.</param>
/// <param name="IsCreatable">A class with a public parameterless constructor (what <c>parquet</c> rows must be).</param>
internal sealed record RowTypeModel(string TypeName, bool IsCreatable);

/// <summary>A <c>[Node]</c> method, as the generator needs it: no symbols, only names and shapes. A modular pipeline uses copies with renamed names and bindings.</summary>
/// <param name="Id">The member id diagnostics are reported against: <c>global::Ns.Type.Method</c>.</param>
internal sealed record NodeModel(
    string Id,
    string Name,
    string ContainingType,
    string MethodName,
    EquatableArray<NodeParameterModel> Parameters,
    EquatableArray<NodeOutputModel> Outputs,
    NodeReturnKind ReturnKind,
    AwaitKind Await,
    EquatableArray<string> Tags,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// The node's namespace when a modular pipeline put it in one (<see cref="Name"/> is then <c>namespace.name</c>
    /// and its datasets and parameters are renamed); null for a node as declared.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>Where the method is declared and its signature; null when the compiler gave no source location.</summary>
    public NodeSourceModel? Source { get; init; }
}
