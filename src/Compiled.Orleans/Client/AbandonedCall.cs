namespace Compiled.Orleans.Client;

/// <summary>A grain call the client stopped waiting for still completes some day: its failure is observed, not left unobserved.</summary>
internal static class AbandonedCall
{
    public static void Observe(Task call) =>
        call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
