using Microsoft.Extensions.Logging;

namespace Compiled.Hosting;

/// <summary>The log messages of Compiled.Hosting (category <c>Compiled.Hosting</c>), source-generated.</summary>
internal static partial class HostingLog
{
    public const string Category = "Compiled.Hosting";

    [LoggerMessage(101, LogLevel.Information, "Created session {Session} (environment '{Environment}', project '{ProjectPath}')")]
    public static partial void SessionCreated(ILogger logger, string session, string environment, string projectPath);

    [LoggerMessage(102, LogLevel.Critical, "Could not create session {Session}")]
    public static partial void SessionFailed(ILogger logger, Exception exception, string session);

    [LoggerMessage(103, LogLevel.Information, "Preloaded artifact '{Dataset}' in {ElapsedMs:F1} ms")]
    public static partial void Preloaded(ILogger logger, string dataset, double elapsedMs);

    [LoggerMessage(104, LogLevel.Critical, "Could not preload artifact '{Dataset}'")]
    public static partial void PreloadFailed(ILogger logger, Exception exception, string dataset);

    [LoggerMessage(105, LogLevel.Debug, "Rejected a request to run '{Pipeline}' (run {RunId}): {Field}: {Problem}")]
    public static partial void RequestRejected(ILogger logger, string pipeline, string runId, string field, string problem);

    [LoggerMessage(106, LogLevel.Error, "Run {RunId} of pipeline '{Pipeline}' failed at node '{Node}'")]
    public static partial void RunFailed(ILogger logger, Exception exception, string pipeline, string runId, string node);

    [LoggerMessage(107, LogLevel.Error, "A request to run '{Pipeline}' (run {RunId}) failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string pipeline, string runId);

    [LoggerMessage(109, LogLevel.Information, "Refused a request to run '{Pipeline}' (run {RunId}): HTTP {StatusCode}: {Reason}")]
    public static partial void BadRequest(ILogger logger, string pipeline, string runId, int statusCode, string reason);

    [LoggerMessage(110, LogLevel.Information, "Refused a request to run '{Pipeline}' (run {RunId}): catalog entry '{Dataset}' does not accept the route value '{RuntimeValue}': {Reason}")]
    public static partial void RuntimeValueRefused(ILogger logger, string pipeline, string runId, string runtimeValue, string dataset, string reason);

    [LoggerMessage(108, LogLevel.Debug, "A request to run '{Pipeline}' (run {RunId}) was cancelled")]
    public static partial void RequestCancelled(ILogger logger, string pipeline, string runId);
}
