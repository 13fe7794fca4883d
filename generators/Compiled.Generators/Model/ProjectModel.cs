namespace Compiled.Generators.Model;

/// <summary>
/// The whole project as the emitters need it: catalog, parameters and pipelines, resolved and
/// ordered, plus every diagnostic found on the way (reported by the analyzers, never by the generator).
/// </summary>
internal sealed record ProjectModel(
    ProjectInfo Info,
    EquatableArray<CatalogEntryModel> Catalog,
    ParametersModel Parameters,
    EquatableArray<PipelineModel> Pipelines,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Where each node method is declared (paths relative to the project directory), for the pipelines' graphs.</summary>
    public EquatableArray<NodeSourceModel> NodeSources { get; init; } = EquatableArray<NodeSourceModel>.Empty;

    /// <summary>Every parameter path a node binds, with its type and <c>conf/base</c> value, for the pipelines' graphs.</summary>
    public EquatableArray<ParameterValueModel> ParameterValues { get; init; } = EquatableArray<ParameterValueModel>.Empty;
}

/// <summary>A typed catalog entry: the dataset type the generator constructs for it.</summary>
/// <param name="DatasetType">The concrete dataset type, e.g. <c>global::Compiled.Datasets.CsvDataset&lt;global::Ns.Row&gt;</c>.</param>
/// <param name="DataType">What the dataset loads, e.g. <c>global::Ns.Row[]</c>.</param>
/// <param name="DeclaredAt">"conf/base/catalog.yml:12", for documentation comments.</param>
/// <param name="RuntimeValues">The <c>${runtime:…}</c> values the entry's configuration uses: such an entry is a method taking them, built per run.</param>
internal sealed record CatalogEntryModel(
    string Name,
    string PropertyName,
    string FieldName,
    string Kind,
    string DatasetType,
    string DataType,
    string DeclaredAt,
    EquatableArray<RuntimeValueModel> RuntimeValues);

/// <summary>A <c>${runtime:name}</c> or <c>${runtime:name,default}</c> a catalog entry uses.</summary>
internal sealed record RuntimeValueModel(string Name, string ParameterName, bool HasDefault);

/// <summary>The generated parameters record and its nested records; <see cref="Records"/>[0] is the root.</summary>
/// <param name="DefaultValue">A C# expression building the values of <c>conf/base/parameters*.yml</c>.</param>
/// <param name="Overrides">Every leaf a dotted override can set.</param>
internal sealed record ParametersModel(
    string TypeName,
    EquatableArray<ParameterRecordModel> Records,
    string DefaultValue,
    EquatableArray<ParameterOverrideModel> Overrides);

/// <summary>A dotted parameter path and the expression (over locals <c>path</c>, <c>value</c>) returning the record with it set.</summary>
internal sealed record ParameterOverrideModel(string Path, string Expression);

/// <summary>One generated parameters record (the root, or a YAML mapping no <c>[Param]</c> binds to a C# type).</summary>
internal sealed record ParameterRecordModel(string Name, string YamlPath, EquatableArray<ParameterPropertyModel> Properties);

/// <summary>A property of a generated parameters record.</summary>
internal sealed record ParameterPropertyModel(string Name, string TypeName, string YamlKey, string DeclaredAt);

/// <summary>A pipeline ready to emit: its runtime inputs, its steps in topological order and its result.</summary>
/// <param name="PropertyName">The session property that exposes the pipeline.</param>
/// <param name="HasErrors">The analyzers report errors for it: emit a <c>Run</c> that throws instead of a body.</param>
internal sealed partial record PipelineModel(
    string? Namespace,
    string ClassName,
    string Accessibility,
    string Name,
    string PropertyName,
    EquatableArray<RuntimeInputModel> RuntimeInputs,
    EquatableArray<RuntimeValueModel> RuntimeValues,
    EquatableArray<InputOverrideModel> InputOverrides,
    EquatableArray<PipelineStepModel> Steps,
    EquatableArray<ResultFieldModel> Results,
    bool HasAsyncNodes,
    bool HasErrors);

/// <summary>A free input loaded from the catalog that a caller may replace with in-memory data for one run (<c>Run(inputs: new() { … })</c>).</summary>
internal sealed record InputOverrideModel(string PropertyName, string TypeName, string Dataset);

/// <summary>A free input the caller passes to <c>Run</c>.</summary>
/// <param name="IsStruct">
/// A value type other than the built-in numeric types, <c>bool</c>, <c>char</c> and <c>Nullable&lt;T&gt;</c>: the synchronous
/// <c>Run</c> takes it <c>in</c>, so that the node reads it where the caller keeps it instead of through a copy.
/// </param>
internal sealed record RuntimeInputModel(string Dataset, string ParameterName, string TypeName, bool IsStruct);

/// <summary>One node call: the datasets loaded for it, its arguments, and where its outputs go.</summary>
/// <param name="Method">The node method, <c>global::Ns.Type.Method</c>.</param>
/// <param name="Arguments">C# expressions, in parameter order.</param>
internal sealed record PipelineStepModel(
    string NodeName,
    string Method,
    EquatableArray<DatasetLoadModel> Loads,
    EquatableArray<string> Arguments,
    EquatableArray<StepOutputModel> Outputs,
    NodeReturnKind ReturnKind,
    AwaitKind Await);

/// <summary>A free input loaded from the catalog into a local before the node that first needs it.</summary>
/// <param name="CatalogAccess">The catalog member that gives the dataset: <c>Companies</c>, or <c>Orders(customerId)</c> for runtime values.</param>
/// <param name="IsArtifact">Loaded once per session and shared by runs (the pipeline's <c>Artifacts</c>).</param>
/// <param name="OverrideProperty">The <c>Inputs</c> property that can replace it for one run, if any.</param>
internal sealed record DatasetLoadModel(string Local, string TypeName, string CatalogAccess, string Dataset, bool IsArtifact, string? OverrideProperty);

/// <summary>A node output kept in a local and, when the catalog persists it, saved.</summary>
/// <param name="CatalogAccess">The catalog member to save to (see <see cref="DatasetLoadModel.CatalogAccess"/>), or null for outputs kept in memory.</param>
internal sealed record StepOutputModel(string Local, string TypeName, string Dataset, string? CatalogAccess);

/// <summary>A property of the pipeline's <c>Result</c>.</summary>
internal sealed record ResultFieldModel(string PropertyName, string TypeName, string Local, string Dataset);
