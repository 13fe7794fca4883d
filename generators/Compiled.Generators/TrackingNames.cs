namespace Compiled.Generators;

/// <summary>Names of the generator's incremental steps, so tests can assert which ones re-ran.</summary>
internal static class TrackingNames
{
    public const string ConfigFiles = nameof(ConfigFiles);
    public const string Nodes = nameof(Nodes);
    public const string Pipelines = nameof(Pipelines);
    public const string ProjectInfo = nameof(ProjectInfo);
    public const string DatasetTypes = nameof(DatasetTypes);
    public const string TypeQuestions = nameof(TypeQuestions);
    public const string TypeConversions = nameof(TypeConversions);
    public const string Project = nameof(Project);
    public const string SessionOutput = nameof(SessionOutput);
    public const string PipelineOutputs = nameof(PipelineOutputs);
}
