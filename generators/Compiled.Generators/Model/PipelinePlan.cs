namespace Compiled.Generators.Model;

/// <summary>Where a dataset's value comes from and goes to during a run; the names of <c>Compiled.Pipelines.DatasetStorage</c>.</summary>
internal enum DatasetStorage
{
    /// <summary>Passed from node to node in memory, with no catalog entry.</summary>
    Memory,

    /// <summary>A catalog entry that keeps its value in memory (<c>type: memory</c>).</summary>
    CatalogMemory,

    /// <summary>A catalog entry that loads and saves data.</summary>
    Persisted,

    /// <summary>A free input the caller passes to <c>Run</c> (the pipeline's <c>Inputs</c>).</summary>
    RuntimeInput,
}

/// <summary>Where a node argument's value comes from.</summary>
internal enum ArgumentSource
{
    /// <summary>A dataset of the plan (<see cref="PlannedDataset"/>): another node's output, a catalog entry or a runtime input.</summary>
    Dataset,

    /// <summary>A value of the run's parameters, by dotted path.</summary>
    Parameter,

    /// <summary>The run's cancellation token.</summary>
    CancellationToken,
}

/// <summary>One argument of a node call, in parameter order.</summary>
/// <param name="Name">The dataset name (<see cref="ArgumentSource.Dataset"/>) or the dotted parameter path (<see cref="ArgumentSource.Parameter"/>).</param>
/// <param name="Members">For a parameter, the generated parameters record's members along the path (<c>Model</c>, <c>TestSize</c>); empty when the path does not bind (its diagnostic is reported).</param>
/// <param name="ForgivesNull">The dataset's type admits null where the parameter's does not, and C# accepts it with a warning only: the call passes it with <c>!</c>.</param>
/// <param name="ParameterType">For a parameter, the node method parameter's type: the type of the field that holds the session's value.</param>
internal sealed record NodeArgument(ArgumentSource Source, string Name, EquatableArray<string> Members, bool ForgivesNull, TypeRef? ParameterType = null)
{
    /// <summary>The run's cancellation token.</summary>
    public static readonly NodeArgument CancellationToken = new(ArgumentSource.CancellationToken, "", EquatableArray<string>.Empty, ForgivesNull: false);

    /// <summary>A parameter argument whose path binds to a member of the parameters record.</summary>
    public bool IsBoundParameter => Source == ArgumentSource.Parameter && !Members.IsEmpty;
}

/// <summary>A node of the plan, in run order.</summary>
/// <param name="ContainingType">The node method's type, <c>global::Ns.Type</c>.</param>
/// <param name="Outputs">The datasets it writes, in output order.</param>
internal sealed record PlannedNode(
    string Name,
    string? Namespace,
    EquatableArray<string> Tags,
    string ContainingType,
    string MethodName,
    EquatableArray<NodeArgument> Arguments,
    EquatableArray<string> Outputs,
    NodeReturnKind ReturnKind,
    AwaitKind Await)
{
    /// <summary>The node method, <c>global::Ns.Type.Method</c>.</summary>
    public string Method => ContainingType + "." + MethodName;

    /// <summary>The datasets it reads, in parameter order.</summary>
    public IEnumerable<string> Inputs => Arguments.Where(a => a.Source == ArgumentSource.Dataset).Select(a => a.Name);

    /// <summary>The parameter paths it binds, in parameter order.</summary>
    public IEnumerable<string> Parameters => Arguments.Where(a => a.Source == ArgumentSource.Parameter).Select(a => a.Name);
}

/// <summary>A dataset of the plan, in order of first use.</summary>
/// <param name="Type">The C# type of its value: its producer's, its catalog entry's or its runtime input's.</param>
/// <param name="Kind">The catalog entry's type (<c>csv</c>), or null.</param>
/// <param name="Entry">The typed catalog entry, or null.</param>
/// <param name="IsArtifact">Loaded once per session and shared by runs (the pipeline's <c>Artifacts</c>).</param>
/// <param name="IsProduced">A node of the pipeline writes it; otherwise it is a free input, loaded or passed to <c>Run</c>.</param>
internal sealed record PlannedDataset(
    string Name,
    TypeRef Type,
    DatasetStorage Storage,
    string? Kind,
    CatalogEntryModel? Entry,
    bool IsArtifact,
    bool IsProduced)
{
    /// <summary>The catalog entry a run loads it from or saves it to; null when it is in memory only or passed to <c>Run</c>.</summary>
    public CatalogEntryModel? CatalogEntry => Storage is DatasetStorage.CatalogMemory or DatasetStorage.Persisted ? Entry : null;

    /// <summary>A free input loaded from the catalog before the node that first reads it.</summary>
    public bool IsLoaded => !IsProduced && CatalogEntry is not null;

    /// <summary>Saved to the catalog after the node that produces it.</summary>
    public bool IsSaved => IsProduced && Storage == DatasetStorage.Persisted && Entry is not null;
}
