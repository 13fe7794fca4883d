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
    TypeRef DataType,
    string DeclaredAt,
    EquatableArray<RuntimeValueModel> RuntimeValues);

/// <summary>A <c>${runtime:name}</c> or <c>${runtime:name,default}</c> a catalog entry uses.</summary>
internal sealed record RuntimeValueModel(string Name, string ParameterName, bool HasDefault);

/// <summary>The generated parameters record and its nested records; <see cref="Records"/>[0] is the root.</summary>
/// <param name="DefaultValue">The values of <c>conf/base/parameters*.yml</c>, bound to the root record.</param>
/// <param name="Overrides">Every leaf a dotted override can set.</param>
internal sealed record ParametersModel(
    string TypeName,
    EquatableArray<ParameterRecordModel> Records,
    BoundValue DefaultValue,
    EquatableArray<ParameterOverrideModel> Overrides);

/// <summary>One generated parameters record (the root, or a YAML mapping no <c>[Param]</c> binds to a C# type).</summary>
internal sealed record ParameterRecordModel(string Name, string YamlPath, EquatableArray<ParameterPropertyModel> Properties);

/// <summary>A property of a generated parameters record.</summary>
internal sealed record ParameterPropertyModel(string Name, string TypeName, string YamlKey, string DeclaredAt);

/// <summary>
/// A pipeline's plan, ready to emit: what <c>Run</c> takes (runtime inputs, the catalog's runtime values, <c>Inputs</c>),
/// its nodes in topological order with each argument's source, its datasets with their types and storage, and its
/// <c>Result</c>. No C# text: each emitter writes it its own way and names its own locals and fields.
/// </summary>
/// <param name="PropertyName">The session property that exposes the pipeline.</param>
/// <param name="RuntimeInputs">Run's first parameters: the free inputs the caller passes.</param>
/// <param name="RuntimeValues">The <c>${runtime:…}</c> values the catalog entries need, required first, each a parameter of <c>Run</c>.</param>
/// <param name="Nodes">The nodes in run order; empty when <paramref name="HasErrors"/>.</param>
/// <param name="Datasets">Every dataset the nodes read or write, in order of first use; empty when <paramref name="HasErrors"/>.</param>
/// <param name="HasErrors">The analyzers report errors for it: emit a <c>Run</c> that throws instead of a body.</param>
internal sealed record PipelineModel(
    string? Namespace,
    string ClassName,
    string Accessibility,
    string Name,
    string PropertyName,
    EquatableArray<RuntimeInputModel> RuntimeInputs,
    EquatableArray<RuntimeValueModel> RuntimeValues,
    EquatableArray<InputOverrideModel> InputOverrides,
    EquatableArray<PlannedNode> Nodes,
    EquatableArray<PlannedDataset> Datasets,
    EquatableArray<ResultFieldModel> Results,
    bool HasAsyncNodes,
    bool HasErrors)
{
    /// <summary>
    /// The pipeline's datasets by name, built anew: an emitter builds it once and looks each node's datasets up in it (a
    /// search of <see cref="Datasets"/> per node would be quadratic in the nodes of a large pipeline).
    /// </summary>
    public Dictionary<string, PlannedDataset> DatasetsByName()
    {
        var byName = new Dictionary<string, PlannedDataset>(Datasets.Count, StringComparer.Ordinal);
        foreach (var dataset in Datasets)
        {
            if (!byName.ContainsKey(dataset.Name)) byName.Add(dataset.Name, dataset);
        }

        return byName;
    }

    /// <summary>
    /// <c>[Pipeline(AttributeFailures = …)]</c>: when false, the unobserved <c>Run</c> body has no <c>try</c> region and no
    /// step counter, and a node's exception reaches the caller unwrapped (runs with hooks or a cancellable token still wrap it).
    /// </summary>
    public bool AttributeFailures { get; init; } = true;
}

/// <summary>A free input loaded from the catalog that a caller may replace with in-memory data for one run (<c>Run(inputs: new() { … })</c>).</summary>
/// <param name="PropertyName">The property of the generated <c>Inputs</c> type.</param>
/// <param name="Type">What the dataset loads (its catalog entry's <see cref="CatalogEntryModel.DataType"/>).</param>
internal sealed record InputOverrideModel(string PropertyName, TypeRef Type, string Dataset);

/// <summary>A free input the caller passes to <c>Run</c>.</summary>
/// <param name="ParameterName">The parameter of <c>Run</c> (a public name: callers pass it by name).</param>
internal sealed record RuntimeInputModel(string Dataset, string ParameterName, TypeRef Type)
{
    /// <summary>The <c>global::</c> type name, with nullable annotations.</summary>
    public string TypeName => Type.Name;
}

/// <summary>A property of the pipeline's <c>Result</c>.</summary>
internal sealed record ResultFieldModel(string PropertyName, TypeRef Type, string Dataset)
{
    /// <summary>The <c>global::</c> type name, with nullable annotations.</summary>
    public string TypeName => Type.Name;
}
