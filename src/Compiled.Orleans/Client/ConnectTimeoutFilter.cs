using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Compiled.Orleans.Client;

/// <summary>
/// Retries the client's connection to the cluster until <see cref="CompiledClientOptions.ConnectTimeout"/> has passed
/// since the first failure, then gives up: starting the client fails with Orleans' error, which names the gateways it
/// tried, instead of waiting forever for a cluster that is not there.
/// </summary>
internal sealed class ConnectTimeoutFilter(IOptions<CompiledClientOptions> options) : IClientConnectionRetryFilter
{
    private long _firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var first = Interlocked.CompareExchange(ref _firstFailure, Stopwatch.GetTimestamp(), 0);
        if (first != 0 && Stopwatch.GetElapsedTime(first) >= options.Value.ConnectTimeout) return false;
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        return true;
    }
}
