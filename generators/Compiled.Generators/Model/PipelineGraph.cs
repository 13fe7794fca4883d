namespace Compiled.Generators.Model;

internal sealed partial record PipelineModel
{
    /// <summary>The pipeline's graph and per-node steps, for filtered, parallel and resumable runs; null when the pipeline has errors.</summary>
    public PipelineGraphModel? Graph { get; init; }
}

/// <summary>
/// What the steps emitter needs: the pipeline's nodes in run order and its datasets, each with the field of the
/// generated <c>Execution</c> class that holds its value during a run.
/// </summary>
/// <param name="RuntimeValues">The <c>${runtime:…}</c> values the catalog entries need, each read into a field.</param>
internal sealed record PipelineGraphModel(
    EquatableArray<GraphNodeModel> Nodes,
    EquatableArray<GraphDatasetModel> Datasets,
    EquatableArray<GraphRuntimeValueModel> RuntimeValues);

/// <summary>A node of the graph and its generated step method.</summary>
/// <param name="Inputs">The datasets it reads (names), in parameter order.</param>
/// <param name="Outputs">The datasets it writes (names).</param>
/// <param name="Parameters">The parameter paths it binds.</param>
/// <param name="Method">The node method, <c>global::Ns.Type.Method</c>.</param>
/// <param name="StepMethod">The generated method that runs it.</param>
/// <param name="Arguments">C# expressions over the execution's fields, in parameter order.</param>
/// <param name="OutputFields">The fields its outputs are stored in, in output order.</param>
/// <param name="Saves">C# statements' targets: the catalog member each persisted output is saved to, or null.</param>
internal sealed record GraphNodeModel(
    string Name,
    string? Namespace,
    EquatableArray<string> Tags,
    EquatableArray<string> Inputs,
    EquatableArray<string> Outputs,
    EquatableArray<string> Parameters,
    string Method,
    string StepMethod,
    EquatableArray<string> Arguments,
    EquatableArray<string> OutputFields,
    EquatableArray<GraphSaveModel> Saves,
    NodeReturnKind ReturnKind,
    AwaitKind Await);

/// <summary>A persisted output a step saves: the catalog member and the field holding the value.</summary>
internal sealed record GraphSaveModel(string CatalogAccess, string Field);

/// <summary>Where a dataset of the graph comes from; the names of <c>Compiled.Pipelines.DatasetStorage</c>.</summary>
internal enum GraphStorage
{
    Memory,
    CatalogMemory,
    Persisted,
    RuntimeInput,
}

/// <summary>A dataset of the graph.</summary>
/// <param name="Field">The execution's field holding its value during a run.</param>
/// <param name="TypeName">The C# type of the field.</param>
/// <param name="Kind">The catalog entry's type (<c>csv</c>), or null.</param>
/// <param name="CatalogAccess">The catalog member that gives the dataset (<c>Companies</c>, <c>Orders(_region)</c>), or null.</param>
/// <param name="RequiredRuntimeValues">The <c>${runtime:…}</c> values without a default its entry needs.</param>
internal sealed record GraphDatasetModel(
    string Name,
    string Field,
    string TypeName,
    GraphStorage Storage,
    string? Kind,
    string? CatalogAccess,
    bool IsArtifact,
    EquatableArray<string> RequiredRuntimeValues);

/// <summary>A <c>${runtime:name}</c> value read into a field, and the straight-line <c>Run</c> argument it is passed as.</summary>
internal sealed record GraphRuntimeValueModel(string Name, string Field, string RunParameter, bool HasDefault);
