using Compiled.Generators.Model;

namespace Compiled.Generators.Emit;

/// <summary>
/// The names <see cref="PipelineStepsEmitter"/> declares in a pipeline's <c>Execution</c> class: a field per runtime value
/// and per dataset (in order of first use), and a step method per node, each unique in the class's scope.
/// </summary>
internal sealed class ExecutionNames
{
    /// <summary>The fields the <c>Execution</c> class declares itself.</summary>
    private static readonly string[] FixedFields = [GeneratedNames.ExecutionCatalogField, GeneratedNames.ExecutionParametersField, GeneratedNames.ExecutionPipelineField];

    /// <summary>The members of <c>Execution</c> and its base class <c>PipelineExecution</c> a step method must not hide.</summary>
    private static readonly string[] FixedMethods =
    [
        "RunNodeAsync", "LoadAsync", "RunAllAsync", "Exists", "Release", "Begin", "Run", "Session", GeneratedNames.DefinitionProperty, "Options",
        "CanRunAll", "RuntimeValue", "TryGetInput", "RequireInput", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    ];

    private readonly PipelineModel _pipeline;
    private readonly UniqueNameBuilder _fields = new(FixedFields);
    private readonly List<string> _steps = new();

    public ExecutionNames(PipelineModel pipeline)
    {
        _pipeline = pipeline;
        foreach (var value in pipeline.RuntimeValues) _fields.Of(RuntimeValueKey(value.Name), FieldName(value.Name));
        foreach (var dataset in pipeline.Datasets) _fields.Of(dataset.Name, FieldName(dataset.Name));

        var methods = new UniqueNameBuilder(FixedMethods);
        for (var i = 0; i < pipeline.Nodes.Count; i++)
        {
            var pascal = Naming.ToPascalCase(pipeline.Nodes[i].Name);
            _steps.Add(methods.Of(i.ToString(System.Globalization.CultureInfo.InvariantCulture), pascal + "Async", (_, n) => pascal + n + "Async"));
        }
    }

    /// <summary>The field holding <paramref name="value"/> during a run.</summary>
    public string Field(RuntimeValueModel value) => _fields[RuntimeValueKey(value.Name)];

    /// <summary>The field holding <paramref name="dataset"/> during a run.</summary>
    public string Field(PlannedDataset dataset) => _fields[dataset.Name];

    /// <summary>The field holding the dataset named <paramref name="dataset"/> during a run.</summary>
    public string Field(string dataset) => _fields[dataset];

    /// <summary>The method that runs node <paramref name="index"/>.</summary>
    public string StepMethod(int index) => _steps[index];

    /// <summary>
    /// The catalog member that gives <paramref name="dataset"/>: an artifact's property (loaded once per session), or the
    /// entry with the run's runtime values, read from their fields (required ones were checked when the run began).
    /// </summary>
    public string CatalogMember(PlannedDataset dataset) => dataset.IsArtifact
        ? dataset.Entry!.PropertyName
        : CSharpNames.CatalogMember(dataset.Entry!, value =>
            _pipeline.RuntimeValues.First(r => r.Name == value.Name) is var run && run.HasDefault ? Field(run) : Field(run) + "!");

    private static string FieldName(string name) => "_" + Naming.ToCamelCase(name).TrimStart('@');

    private static string RuntimeValueKey(string name) => "${runtime:" + name + "}";
}
