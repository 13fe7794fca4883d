using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Compiled.Orleans.Silo;
using Compiled.Orleans.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Compiled.Orleans.Client;

/// <summary>
/// Spreads runs over the silos that serve a pipeline: finds the silos (the cluster's membership, then each silo's worker),
/// sends a single run to the next of them, and gives a sweep's or batch's chunks to a <see cref="ChunkPump"/>, which keeps
/// each silo busy with as many calls as it runs at once (its <see cref="CompiledSiloOptions.MaxConcurrentRuns"/>) and
/// re-runs the chunks of a lost silo on the others. A silo lost (killed, unreachable) gets no more calls from this client
/// until a later discovery finds it answering again.
/// </summary>
internal sealed class ClusterDispatcher : IRemoteValueTypes
{
    private readonly IClusterClient _client;
    private readonly CompiledClientOptions _options;
    private readonly ILogger _logger;
    private readonly RunReply _reply;
    private readonly Serializer _serializer;
    private const long RediscoveryMilliseconds = 30_000;
    private static readonly TimeSpan MembershipRetry = TimeSpan.FromMilliseconds(200);

    // The silos last found and until when (Environment.TickCount64) they are trusted; replaced whole, read without a lock.
    private volatile KnownWorkers? _known;
    private int _next;

    public ClusterDispatcher(IClusterClient client, CompiledClientOptions options)
    {
        _client = client;
        _options = options;
        _logger = client.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(DispatchLog.Category) ?? NullLogger.Instance;
        // Registered by AddCompiledClient, which a client needs anyway (its JsonTypeInfoResolver).
        Gateways = client.ServiceProvider.GetService<GatewayConnections>() ?? new GatewayConnections();
        _reply = client.ServiceProvider.GetService<RunReply>() ?? new RunReply(client.ServiceProvider.GetRequiredService<Serializer<RunFailure>>());
        _serializer = client.ServiceProvider.GetRequiredService<Serializer>();
        JsonOptions = WireJson.Options(options.JsonTypeInfoResolver, "CompiledClientOptions.JsonTypeInfoResolver");
    }

    public JsonSerializerOptions JsonOptions { get; }

    // A single run: one call shaped like a bare grain call (the body in, the result's bytes out, details only when the run has
    // some), awaited directly when there is nothing to cancel. Its state machine's task is the caller's: the reply is read into
    // the caller's result on the thread the grain call's continuation runs on, with no second task or continuation in between.
    // A silo lost before it answered is dropped and the run goes to another.
    public async Task<TResult> RunAsync<TResult>(
        PipelineIdentity pipeline, RemoteRequest request, Func<RemoteReply, JsonSerializerOptions, TResult> read, CancellationToken cancellationToken)
    {
        var body = Array(request.Body);
        var details = Details(request, TraceContext(), always: false);
        RunResult result;
        while (true)
        {
            var worker = NextWorker(pipeline) ?? await SlowNextWorkerAsync(pipeline, cancellationToken).ConfigureAwait(false);
            try
            {
                var call = worker.Grain.RunAsync(pipeline.TypeName, body, details, cancellationToken);
                result = _reply.Read(cancellationToken.CanBeCanceled
                    ? await Abandonable(call.AsTask(), worker, cancellationToken, cancellationToken).ConfigureAwait(false)
                    : await call.ConfigureAwait(false));
                break;
            }
            catch (Exception exception) when (IsSiloLost(exception))
            {
                Lose(worker, exception.Message);
            }
            catch (TimeoutException exception)
            {
                throw Timeout(worker, exception);
            }
        }

        return read(new RemoteReply(request.RunId, request.Index, result.Result, result.Failure?.ToError()), JsonOptions);
    }

    // A single run whose runtime inputs and outputs Orleans' serializer carries (CarriesTyped): the same call and the same
    // handling of lost silos as RunAsync, with the values in Orleans' codecs instead of the serving contract's JSON.
    public async Task<TResult> RunTypedAsync<TInputs, TOutputs, TResult>(
        PipelineIdentity pipeline, RemoteRunShape<TInputs, TOutputs, TResult> shape, TInputs inputs, string? runId, RemoteParameters parameters,
        CancellationToken cancellationToken)
    {
        var details = Details(runId, parameters, runtimeValues: null, TraceContext(), always: false);
        TOutputs outputs;
        while (true)
        {
            var worker = NextWorker(pipeline) ?? await SlowNextWorkerAsync(pipeline, cancellationToken).ConfigureAwait(false);
            try
            {
                var call = worker.Grain.RunTypedAsync<TInputs, TOutputs>(pipeline.TypeName, inputs, details, cancellationToken);
                outputs = cancellationToken.CanBeCanceled
                    ? await Abandonable(call.AsTask(), worker, cancellationToken, cancellationToken).ConfigureAwait(false)
                    : await call.ConfigureAwait(false);
                break;
            }
            catch (RunFailedException exception)
            {
                throw new RemoteRunException(exception.Failure.ToError());
            }
            catch (Exception exception) when (IsSiloLost(exception))
            {
                Lose(worker, exception.Message);
            }
            catch (TimeoutException exception)
            {
                throw Timeout(worker, exception);
            }
        }

        return shape.ReadOutputs(outputs);
    }

    // Whether Orleans' serializer has a codec for every runtime input and output of the shape; worked out once per process
    // and pair of types (a process's clients share their serializer's configuration, as its silos do).
    public bool CarriesTyped<TInputs, TOutputs, TResult>(RemoteRunShape<TInputs, TOutputs, TResult> shape)
    {
        var carried = TypedValues<TInputs, TOutputs>.Carried;
        if (carried == 0)
        {
            carried = shape.CanCarry(this) ? 1 : 2;
            TypedValues<TInputs, TOutputs>.Carried = carried;
        }

        return carried == 1;
    }

    bool IRemoteValueTypes.CanCarry<T>() => _serializer.CanSerialize<T>();

    public async IAsyncEnumerable<RemoteReply> RunManyAsync(
        PipelineIdentity pipeline, IReadOnlyList<RemoteRequest> requests, int chunkSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        if (requests.Count == 0) yield break;
        var trace = TraceContext();
        var chunks = new List<RunEnvelope[]>((requests.Count + chunkSize - 1) / chunkSize);
        for (var start = 0; start < requests.Count; start += chunkSize)
        {
            var chunk = new RunEnvelope[Math.Min(chunkSize, requests.Count - start)];
            for (var i = 0; i < chunk.Length; i++)
            {
                var request = requests[start + i];
                chunk[i] = new RunEnvelope(pipeline.TypeName, request.Index, Array(request.Body), Details(request, trace, always: true)!);
            }

            chunks.Add(chunk);
        }

        var workers = await WorkersAsync(pipeline, cancellationToken).ConfigureAwait(false);
        var replies = Channel.CreateUnbounded<RunOutcome>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = new ChunkPump(this, pipeline, chunks, replies.Writer, stop.Token).RunAsync(workers);
        try
        {
            // Each chunk is answered once (ChunkPump), so each run is delivered once.
            await foreach (var outcome in replies.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false)) yield return Reply(outcome);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await pump.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The caller stopped enumerating or cancelled: the runs in flight were cancelled with it.
            }
        }
    }

    internal ILogger Logger => _logger;

    internal GatewayConnections Gateways { get; }

    internal TimeSpan SiloTimeout => _options.SiloTimeout;

    // Abandoned at once when cancelled or lost: a call to a dead silo may not complete before its response timeout.
    private static async Task<T> Abandonable<T>(Task<T> call, SiloWorker worker, CancellationToken token, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(token).ConfigureAwait(false);
        }
        catch (Exception) when (worker.IsLost && !cancellationToken.IsCancellationRequested)
        {
            AbandonedCall.Observe(call);
            throw new SiloLostException(worker.Silo);
        }
        catch (OperationCanceledException)
        {
            AbandonedCall.Observe(call);
            throw;
        }
    }

    internal static TimeoutException Timeout(SiloWorker worker, TimeoutException exception) =>
        new($"Silo {worker.Silo} did not answer in time (CompiledClientOptions.CallTimeout, Orleans' response timeout): {exception.Message}", exception);

    // The next of the known silos that serves the pipeline, in turn, without allocating; null when the silos must be found
    // (again): none known, the last discovery too old, or none of those known serves it.
    private SiloWorker? NextWorker(PipelineIdentity pipeline)
    {
        var known = Fresh(_known);
        if (known is null || known.Count == 0) return null;
        var start = (uint)Interlocked.Increment(ref _next);
        for (var i = 0u; i < known.Count; i++)
        {
            var worker = known[(int)((start + i) % (uint)known.Count)];
            if (!worker.IsLost && System.Array.IndexOf(worker.Info.Pipelines, pipeline.TypeName) >= 0) return worker;
        }

        return null;
    }

    private async Task<SiloWorker> SlowNextWorkerAsync(PipelineIdentity pipeline, CancellationToken cancellationToken)
    {
        var workers = await WorkersAsync(pipeline, cancellationToken).ConfigureAwait(false);
        return workers[(int)((uint)Interlocked.Increment(ref _next) % (uint)workers.Count)];
    }

    // The silos that serve the pipeline, found again when every known one was lost or after RediscoveryMilliseconds (silos that joined).
    internal async Task<List<SiloWorker>> WorkersAsync(PipelineIdentity pipeline, CancellationToken cancellationToken)
    {
        var known = Fresh(_known)?.Where(w => !w.IsLost).ToList();
        if (known is null || known.Count == 0)
        {
            known = await DiscoverAsync(pipeline, cancellationToken).ConfigureAwait(false);
            _known = new KnownWorkers(known, Environment.TickCount64 + RediscoveryMilliseconds);
        }

        var serving = known.Where(w => w.Info.Pipelines.Contains(pipeline.TypeName, StringComparer.Ordinal)).ToList();
        if (serving.Count > 0) return serving;
        var sessions = string.Join("; ", known.Select(w => w.Info.Session).Distinct().Select(session =>
            $"{session} with {string.Join(", ", known.First(w => w.Info.Session == session).Info.Pipelines)}"));
        throw new RemotePipelineException(
            $"No silo of the {Cluster} serves {pipeline}. The silos run {sessions}. Start silos with AddCompiledSession of the project the pipeline belongs to.");
    }

    // The silos of the cluster's membership whose worker answers, each asked at once and for at most SiloTimeout: a silo
    // killed but still listed (the others have not declared it dead yet) does not hold up the others.
    private async Task<List<SiloWorker>> DiscoverAsync(PipelineIdentity pipeline, CancellationToken cancellationToken)
    {
        var hosts = await HostsAsync(cancellationToken).ConfigureAwait(false);
        var answers = await Task.WhenAll(hosts.Select(silo => DescribeAsync(silo, cancellationToken))).ConfigureAwait(false);
        var workers = answers.Where(a => a.Worker is not null).Select(a => a.Worker!).ToList();
        if (workers.Count > 0) return workers;
        var why = answers.Length == 0
            ? "its membership lists no active silo"
            : $"none of the silos its membership lists answered ({string.Join("; ", answers.Select(a => a.Unavailable))})";
        throw new RemotePipelineException($"No silo of the {Cluster} is up to run {pipeline}: {why}. Start silos and retry.");
    }

    private async Task<(SiloWorker? Worker, string? Unavailable)> DescribeAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        var grain = _client.GetGrain<IPipelineWorkerGrain>(silo.ToParsableString());
        var call = grain.DescribeAsync();
        try
        {
            return (new SiloWorker(grain, await call.WaitAsync(_options.SiloTimeout, cancellationToken).ConfigureAwait(false)), null);
        }
        catch (TimeoutException)
        {
            AbandonedCall.Observe(call);
            return (null, $"{silo} did not answer within {_options.SiloTimeout} (CompiledClientOptions.SiloTimeout)");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, $"{silo}: {exception.GetType().Name}: {exception.Message}");
        }
    }

    // The active silos of the cluster's membership, asked again while it cannot be reached (no gateway for a moment after
    // one died), until DiscoveryTimeout.
    private async Task<ICollection<SiloAddress>> HostsAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.DiscoveryTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        Exception? last = null;
        try
        {
            while (true)
            {
                try
                {
                    return (await _client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(linked.Token).ConfigureAwait(false)).Keys;
                }
                catch (Exception exception) when (IsSiloLost(exception))
                {
                    last = exception;
                    await Task.Delay(MembershipRetry, linked.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RemotePipelineException(
                $"The {Cluster} did not answer within {_options.DiscoveryTimeout} (CompiledClientOptions.DiscoveryTimeout){(last is null ? "" : $" ({last.GetType().Name}: {last.Message})")}: " +
                "check that its silos are running and that the client's clustering (membership table, ClusterId, ServiceId) names the same cluster.",
                last ?? exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new RemotePipelineException(
                $"The {Cluster} cannot be reached ({exception.GetType().Name}: {exception.Message}). Check that its silos are running and that the " +
                "client was started (IHost.StartAsync) with clustering that names the same cluster.", exception);
        }
    }

    // The cluster, as the client's options name it, for messages.
    private string Cluster
    {
        get
        {
            var cluster = _client.ServiceProvider.GetRequiredService<IOptions<ClusterOptions>>().Value;
            return $"Orleans cluster '{cluster.ClusterId}' (service '{cluster.ServiceId}')";
        }
    }

    // A lost silo gets no more calls from this client: the worker (and the other workers this client knows for the same silo)
    // is marked lost, which abandons the calls still waiting on it. The silo is asked again at the next discovery.
    internal void Lose(SiloWorker worker, string reason)
    {
        if (worker.MarkLost()) DispatchLog.SiloLost(_logger, worker.Silo, reason);
        var known = _known?.Workers;
        if (known is null) return;
        foreach (var other in known)
        {
            if (other != worker && other.Key == worker.Key) other.MarkLost();
        }
    }

    internal static bool IsSiloLost(Exception exception) =>
        exception is SiloLostException or SiloUnavailableException or OrleansMessageRejectionException or global::Orleans.Runtime.Messaging.ConnectionFailedException ||
        (exception.InnerException is { } inner && IsSiloLost(inner));

    // What a run carries beside its body; null for a single run that has nothing to carry (no run id, parameters, trace or runtime values).
    private static RunDetails? Details(RemoteRequest request, (string? Parent, string? State) trace, bool always) =>
        Details(request.RunId, request.Parameters, request.RuntimeValues, trace, always);

    private static RunDetails? Details(
        string? runId, RemoteParameters parameters, IReadOnlyDictionary<string, string?>? runtimeValues, (string? Parent, string? State) trace, bool always)
    {
        if (!always && runId is null && parameters.IsNone && trace.Parent is null && runtimeValues is null) return null;
        var values = runtimeValues switch
        {
            null => null,
            Dictionary<string, string?> dictionary => dictionary, // RemoteBody's own, never changed after the request is made
            var other => new Dictionary<string, string?>(other, StringComparer.Ordinal),
        };
        return new RunDetails(runId, parameters.TypeName, Array(parameters.Json), trace.Parent, trace.State, values);
    }

    // The bytes as an array: the memory's own array when it is a whole one (RemoteBody makes those), else a copy.
    private static byte[] Array(ReadOnlyMemory<byte> memory) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

    private static (string? Parent, string? State) TraceContext() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? (current.Id, current.TraceStateString) : (null, null);

    private static List<SiloWorker>? Fresh(KnownWorkers? known) => known is not null && Environment.TickCount64 < known.Until ? known.Workers : null;

    private sealed record KnownWorkers(List<SiloWorker> Workers, long Until);

    // 0 not yet known, 1 carried typed, 2 JSON.
    private static class TypedValues<TInputs, TOutputs>
    {
        public static int Carried;
    }

    private static RemoteReply Reply(RunOutcome outcome) =>
        new(outcome.RunId, outcome.Index, outcome.Result, outcome.Failure?.ToError());
}
