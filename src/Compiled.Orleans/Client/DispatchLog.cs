using Microsoft.Extensions.Logging;

namespace Compiled.Orleans.Client;

/// <summary>The log messages of a client's remote runs (category <c>Compiled.Orleans.Client</c>), source-generated.</summary>
internal static partial class DispatchLog
{
    public const string Category = "Compiled.Orleans.Client";

    [LoggerMessage(201, LogLevel.Debug, "Sent {Runs} run(s) from {RunId} to silo {Silo}")]
    public static partial void Sent(ILogger logger, int runs, string runId, string silo);

    [LoggerMessage(202, LogLevel.Warning, "Silo {Silo} is lost ({Reason}): the runs it has not answered go to the other silos, and it gets no more")]
    public static partial void SiloLost(ILogger logger, string silo, string reason);

    [LoggerMessage(203, LogLevel.Information, "Re-queued {Runs} run(s) from {RunId} that silo {Silo} had not answered")]
    public static partial void Requeued(ILogger logger, int runs, string runId, string silo);

    [LoggerMessage(204, LogLevel.Debug, "Dropped the late reply of silo {Silo} to {Runs} run(s) from {RunId}: they were re-queued when it was lost")]
    public static partial void LateReplyDropped(ILogger logger, string silo, int runs, string runId);

    [LoggerMessage(205, LogLevel.Debug, "The cluster's membership could not be read ({Error}); asking again in a second")]
    public static partial void MembershipUnknown(ILogger logger, string error);
}
