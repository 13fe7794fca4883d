using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using Orleans.Messaging;

namespace Compiled.Orleans.Client;

/// <summary>
/// Retries the client's connection to the cluster until <see cref="CompiledClientOptions.ConnectTimeout"/> has passed
/// since the first failure, then gives up with a <see cref="RemotePipelineException"/> that names the cluster, the
/// gateways it tried (or, with Redis membership, the Redis address it could not list them from) and what to do, instead
/// of waiting forever for a cluster that is not there.
/// </summary>
internal sealed class ConnectTimeoutFilter(
    IOptions<CompiledClientOptions> options, IOptions<ClusterOptions> cluster, IGatewayListProvider gateways, IOptions<RedisClusteringOptions> redis)
    : IClientConnectionRetryFilter
{
    private static readonly TimeSpan GatewayListTimeout = TimeSpan.FromSeconds(5);

    private long _firstFailure;
    private int _attempts;
    private Exception? _firstError;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempts = Interlocked.Increment(ref _attempts);
        var first = Interlocked.CompareExchange(ref _firstFailure, Stopwatch.GetTimestamp(), 0);
        Interlocked.CompareExchange(ref _firstError, exception, null);
        if (first != 0 && Stopwatch.GetElapsedTime(first) >= options.Value.ConnectTimeout)
        {
            throw new RemotePipelineException(await DescribeAsync(exception, attempts).ConfigureAwait(false), exception);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        return true;
    }

    // The first error names more (a Redis client names its endpoint when it first fails to connect); the last says where it stands.
    private string Errors(Exception last)
    {
        var first = Volatile.Read(ref _firstError);
        return first is null || first.Message == last.Message
            ? $"Last error: {last.GetType().Name}: {last.Message}"
            : $"First error: {first.GetType().Name}: {first.Message} Last error: {last.GetType().Name}: {last.Message}";
    }

    // Where the gateways are listed: Redis's addresses (never the rest of its configuration, which may hold a password), or the provider.
    private string Membership()
    {
        var provider = gateways.GetType().Name;
        if (redis.Value.ConfigurationOptions is not { EndPoints.Count: > 0 } configuration) return provider; // not Redis membership
        var addresses = configuration.EndPoints.Select(endpoint => endpoint switch
        {
            DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
            _ => endpoint.ToString(),
        });
        return $"{provider}, Redis at {string.Join(", ", addresses)}";
    }

    private async Task<string> DescribeAsync(Exception exception, int attempts)
    {
        var (clusterId, serviceId) = (cluster.Value.ClusterId, cluster.Value.ServiceId);
        var provider = Membership();
        string tried;
        try
        {
            using var timeout = new CancellationTokenSource(GatewayListTimeout);
            var listed = await gateways.GetGatewaysAsync(timeout.Token).ConfigureAwait(false);
            tried = listed.Count == 0
                ? $"its membership ({provider}) lists no gateway: no silo of the cluster is up"
                : $"its gateways {string.Join(", ", listed.Select(g => $"{g.Host}:{g.Port}"))} ({provider}) did not answer";
        }
        catch (Exception listing)
        {
            tried = $"its gateways could not be listed ({provider}: {listing.GetType().Name}: {listing.Message})";
        }

        return $"The Orleans cluster '{clusterId}' (service '{serviceId}') cannot be reached: {tried}; {attempts} attempts in " +
               $"{options.Value.ConnectTimeout.TotalSeconds:0.#} s (CompiledClientOptions.ConnectTimeout). {Errors(exception)} Start the cluster's silos, or fix the client's clustering configuration (the gateway or Redis address, " +
               "ClusterId and ServiceId must be the silos'), then retry.";
    }
}
