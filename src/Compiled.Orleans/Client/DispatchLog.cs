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

    [LoggerMessage(204, LogLevel.Information, "A gateway connection closed while {Runs} run(s) from {RunId} were in flight on silo {Silo}: their reply may never come, so the call is abandoned and they are queued again")]
    public static partial void GatewayClosed(ILogger logger, int runs, string runId, string silo);
}
