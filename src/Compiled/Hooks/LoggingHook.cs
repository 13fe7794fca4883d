using Microsoft.Extensions.Logging;

namespace Compiled;

/// <summary>Logs each run and node through <see cref="ILogger"/>; added by the session when <see cref="SessionOptions.LoggerFactory"/> is set.</summary>
internal sealed partial class LoggingHook(ILogger logger) : PipelineHook
{
    // The run id is made (a string, for a run the session names) only for a line that is written: a host that filters
    // Compiled.Run below Information (a silo serving many small runs) pays nothing for it.
    public override void BeforePipelineRun(in RunParams run)
    {
        if (logger.IsEnabled(LogLevel.Information)) RunStarting(logger, run.PipelineName, run.RunId);
    }

    public override void AfterPipelineRun(in RunParams run)
    {
        if (logger.IsEnabled(LogLevel.Information)) RunCompleted(logger, run.PipelineName, run.RunId, run.Elapsed.TotalMilliseconds);
    }

    public override void OnPipelineError(in RunParams run, PipelineRunException error) => RunFailed(logger, error, run.PipelineName, run.RunId);

    public override void BeforeNodeRun(in RunParams run, string node) => NodeStarting(logger, node, run.PipelineName);

    public override void AfterNodeRun(in RunParams run, string node) => NodeCompleted(logger, node, run.PipelineName);

    public override void BeforeDatasetLoaded(in RunParams run, string dataset) => DatasetLoading(logger, dataset);

    public override void BeforeDatasetSaved(in RunParams run, string dataset) => DatasetSaving(logger, dataset);

    [LoggerMessage(1, LogLevel.Information, "Running pipeline '{Pipeline}' (run {RunId})")]
    private static partial void RunStarting(ILogger logger, string pipeline, string runId);

    [LoggerMessage(2, LogLevel.Information, "Completed pipeline '{Pipeline}' (run {RunId}) in {ElapsedMs:F1} ms")]
    private static partial void RunCompleted(ILogger logger, string pipeline, string runId, double elapsedMs);

    [LoggerMessage(3, LogLevel.Error, "Pipeline '{Pipeline}' failed (run {RunId})")]
    private static partial void RunFailed(ILogger logger, Exception error, string pipeline, string runId);

    [LoggerMessage(4, LogLevel.Information, "Running node '{Node}' of '{Pipeline}'")]
    private static partial void NodeStarting(ILogger logger, string node, string pipeline);

    [LoggerMessage(5, LogLevel.Information, "Completed node '{Node}' of '{Pipeline}'")]
    private static partial void NodeCompleted(ILogger logger, string node, string pipeline);

    [LoggerMessage(6, LogLevel.Debug, "Loading dataset '{Dataset}'")]
    private static partial void DatasetLoading(ILogger logger, string dataset);

    [LoggerMessage(7, LogLevel.Debug, "Saving dataset '{Dataset}'")]
    private static partial void DatasetSaving(ILogger logger, string dataset);
}
