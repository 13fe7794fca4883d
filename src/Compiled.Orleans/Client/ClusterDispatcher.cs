using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Compiled.Orleans.Silo;
using Compiled.Orleans.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Compiled.Orleans.Client;

/// <summary>
/// Spreads runs over the silos that serve a pipeline. Each silo's worker is kept busy with as many calls as it runs at
/// once (its <see cref="CompiledSiloOptions.MaxConcurrentRuns"/>), pulling the next chunk when one completes, so a faster
/// silo takes more. When a silo is lost (killed, unreachable), the chunks it had not answered go back to the queue and run
/// on the survivors; a reply is delivered only once per run id.
/// </summary>
internal sealed class ClusterDispatcher
{
    private readonly IClusterClient _client;
    private readonly CompiledClientOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SiloWorker> _lost = new(StringComparer.Ordinal);
    private static readonly TimeSpan Rediscovery = TimeSpan.FromSeconds(30);

    private List<SiloWorker>? _workers;
    private long _discovered;
    private int _next;

    public ClusterDispatcher(IClusterClient client, CompiledClientOptions options)
    {
        _client = client;
        _options = options;
        _logger = client.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(DispatchLog.Category) ?? NullLogger.Instance;
        JsonOptions = WireJson.Options(options.JsonTypeInfoResolver, "CompiledClientOptions.JsonTypeInfoResolver");
    }

    public JsonSerializerOptions JsonOptions { get; }

    // A single run: one call shaped like a bare grain call (the body in, the result out, details only when the run has some), awaited
    // directly when there is nothing to cancel. A silo lost before it answered is dropped and the run goes to another.
    public async Task<RemoteReply> RunAsync(PipelineIdentity pipeline, RemoteRequest request, CancellationToken cancellationToken)
    {
        var body = Array(request.Body);
        var details = Details(request, TraceContext(), always: false);
        while (true)
        {
            var worker = NextWorker(pipeline) ?? await SlowNextWorkerAsync(pipeline, cancellationToken).ConfigureAwait(false);
            try
            {
                var call = worker.Grain.RunAsync(pipeline.TypeName, body, details, cancellationToken);
                var result = cancellationToken.CanBeCanceled
                    ? await Abandonable(call, worker, cancellationToken, cancellationToken).ConfigureAwait(false)
                    : await call.ConfigureAwait(false);
                return new RemoteReply(request.RunId, request.Index, result.Result, result.Failure?.ToError());
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
    }

    public async IAsyncEnumerable<RemoteReply> RunManyAsync(
        PipelineIdentity pipeline, IReadOnlyList<RemoteRequest> requests, int chunkSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        if (requests.Count == 0) yield break;
        var trace = TraceContext();
        var queue = Channel.CreateUnbounded<RunEnvelope[]>();
        for (var start = 0; start < requests.Count; start += chunkSize)
        {
            var chunk = new RunEnvelope[Math.Min(chunkSize, requests.Count - start)];
            for (var i = 0; i < chunk.Length; i++)
            {
                var request = requests[start + i];
                chunk[i] = new RunEnvelope(pipeline.TypeName, request.Index, Array(request.Body), Details(request, trace, always: true)!);
            }
            queue.Writer.TryWrite(chunk);
        }

        var workers = await WorkersAsync(pipeline, cancellationToken).ConfigureAwait(false);
        var replies = Channel.CreateUnbounded<RunOutcome>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = PumpAsync(pipeline, workers, queue, (requests.Count + chunkSize - 1) / chunkSize, replies.Writer, stop.Token);
        var delivered = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var outcome in replies.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (delivered.Add(outcome.RunId)) yield return Reply(outcome);
            }
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

    // Runs the queue's chunks on the workers until every chunk has replied; re-discovers the silos when all it had were lost.
    private async Task PumpAsync(
        PipelineIdentity pipeline, List<SiloWorker> workers, Channel<RunEnvelope[]> queue, int chunks, ChannelWriter<RunOutcome> replies,
        CancellationToken cancellationToken)
    {
        var remaining = chunks;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = WatchMembershipAsync(done.Token);
        try
        {
            while (true)
            {
                var loops = workers.SelectMany(w => Enumerable.Range(0, w.Info.MaxConcurrentRuns).Select(_ => LoopAsync(w))).ToList();
                await Task.WhenAll(loops).ConfigureAwait(false);
                if (Volatile.Read(ref remaining) == 0) break;
                workers = await WorkersAsync(pipeline, cancellationToken).ConfigureAwait(false);
            }

            replies.TryComplete();
        }
        catch (Exception exception)
        {
            replies.TryComplete(exception);
            throw;
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            await watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        async Task LoopAsync(SiloWorker worker)
        {
            await foreach (var chunk in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                RunOutcome[] outcomes;
                try
                {
                    if (worker.IsLost) throw new SiloLostException(worker.Silo);
                    DispatchLog.Sent(_logger, chunk.Length, chunk[0].Details.RunId!, worker.Silo);
                    outcomes = await CallAsync(worker, chunk, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (IsSiloLost(exception))
                {
                    Lose(worker, exception.Message);
                    DispatchLog.Requeued(_logger, chunk.Length, chunk[0].Details.RunId!, worker.Silo);
                    queue.Writer.TryWrite(chunk);
                    return;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The call failed for another reason (a timeout, a silo error): each of its runs fails, naming the silo.
                    var failure = exception is TimeoutException timeout ? Timeout(worker, timeout) : exception;
                    outcomes = System.Array.ConvertAll(chunk, run => new RunOutcome(run.Details.RunId!, run.Index, [],
                        new RunFailure(run.Details.RunId!, null, worker.Silo, failure.GetType().FullName!, failure.Message)));
                }

                foreach (var outcome in outcomes) await replies.WriteAsync(outcome, cancellationToken).ConfigureAwait(false);
                if (Interlocked.Decrement(ref remaining) == 0) queue.Writer.TryComplete();
            }
        }
    }

    // One call of a chunk to a silo's worker, abandoned when the caller cancels or the silo is lost. The call's timeout is Orleans'
    // response timeout (CompiledClientOptions.CallTimeout, set by AddCompiledClient).
    private static async Task<RunOutcome[]> CallAsync(SiloWorker worker, RunEnvelope[] runs, CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, worker.Lost) : null;
        var token = linked?.Token ?? worker.Lost;
        return await Abandonable(worker.Grain.RunManyAsync(runs, token), worker, token, cancellationToken).ConfigureAwait(false);
    }

    // Abandoned at once when cancelled or lost: a call to a dead silo may not complete before its response timeout.
    private static async Task<T> Abandonable<T>(Task<T> call, SiloWorker worker, CancellationToken token, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(token).ConfigureAwait(false);
        }
        catch (Exception) when (worker.IsLost && !cancellationToken.IsCancellationRequested)
        {
            Observe(call);
            throw new SiloLostException(worker.Silo);
        }
        catch (OperationCanceledException)
        {
            Observe(call);
            throw;
        }
    }

    private static TimeoutException Timeout(SiloWorker worker, TimeoutException exception) =>
        new($"Silo {worker.Silo} did not answer in time (CompiledClientOptions.CallTimeout, Orleans' response timeout): {exception.Message}", exception);

    // An abandoned call still completes some day: its failure is observed, not left unobserved.
    private static void Observe(Task call) =>
        call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    // While runs are in flight: a silo that leaves the cluster's membership (killed, declared dead by the others) is lost,
    // and the calls waiting on it are cancelled at once instead of waiting for their response timeout.
    private async Task WatchMembershipAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            Dictionary<SiloAddress, SiloStatus> hosts;
            try
            {
                hosts = await _client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)
                    .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                DispatchLog.MembershipUnknown(_logger, exception.Message);
                continue; // Membership unknown for now: ask again at the next tick.
            }

            var active = hosts.Keys.Select(silo => silo.ToParsableString()).ToHashSet(StringComparer.Ordinal);
            List<SiloWorker> workers;
            lock (_gate) workers = _workers ?? [];
            foreach (var worker in workers.Where(w => !w.IsLost && !active.Contains(w.Key))) Lose(worker, "left the membership");
        }
    }

    // The next of the known silos that serves the pipeline, in turn, without allocating; null when the silos must be found
    // (again): none known, the last discovery too old, or none of those known serves it.
    private SiloWorker? NextWorker(PipelineIdentity pipeline)
    {
        List<SiloWorker>? known;
        lock (_gate) known = Stopwatch.GetElapsedTime(_discovered) < Rediscovery ? _workers : null;
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

    // The silos that serve the pipeline, found again when every known one was lost or after Rediscovery (silos that joined).
    private async Task<List<SiloWorker>> WorkersAsync(PipelineIdentity pipeline, CancellationToken cancellationToken)
    {
        List<SiloWorker>? known;
        lock (_gate) known = Stopwatch.GetElapsedTime(_discovered) < Rediscovery ? _workers?.Where(w => !w.IsLost).ToList() : null;
        if (known is null || known.Count == 0)
        {
            known = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate) (_workers, _discovered) = (known, Stopwatch.GetTimestamp());
        }

        var serving = known.Where(w => w.Info.Pipelines.Contains(pipeline.TypeName, StringComparer.Ordinal)).ToList();
        if (serving.Count > 0) return serving;
        if (known.Count == 0)
        {
            throw new RemotePipelineException(
                $"No silo of the cluster is up to run {pipeline}: every silo the client knew was lost, and none is left in the cluster's membership. Start silos and retry.");
        }

        var sessions = string.Join("; ", known.Select(w => w.Info.Session).Distinct().Select(session =>
            $"{session} with {string.Join(", ", known.First(w => w.Info.Session == session).Info.Pipelines)}"));
        throw new RemotePipelineException(
            $"No silo of the cluster serves {pipeline}. The silos run {sessions}. Start silos with AddCompiledSession of the project the pipeline belongs to.");
    }

    private async Task<List<SiloWorker>> DiscoverAsync(CancellationToken cancellationToken)
    {
        try
        {
            var hosts = await _client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)
                .WaitAsync(_options.DiscoveryTimeout, cancellationToken).ConfigureAwait(false);
            var workers = new List<SiloWorker>();
            foreach (var silo in hosts.Keys)
            {
                var key = silo.ToParsableString();
                lock (_gate)
                {
                    if (_lost.ContainsKey(key)) continue;
                }

                var grain = _client.GetGrain<IPipelineWorkerGrain>(key);
                try
                {
                    var info = await grain.DescribeAsync().WaitAsync(_options.DiscoveryTimeout, cancellationToken).ConfigureAwait(false);
                    workers.Add(new SiloWorker(grain, info));
                }
                catch (Exception exception) when (IsSiloLost(exception))
                {
                    lock (_gate) _lost[key] = new SiloWorker(grain, new WorkerInfo(key, "", [], 0));
                }
            }

            return workers;
        }
        catch (TimeoutException exception)
        {
            throw new RemotePipelineException(
                $"The Orleans cluster did not answer within {_options.DiscoveryTimeout} (CompiledClientOptions.DiscoveryTimeout): check that its silos are " +
                "running and that the client's clustering (membership table, ClusterId, ServiceId) names the same cluster.", exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && exception is not RemotePipelineException)
        {
            throw new RemotePipelineException(
                $"The Orleans cluster cannot be reached ({exception.GetType().Name}: {exception.Message}). Check that its silos are running and that the " +
                "client was started (IHost.StartAsync) with clustering that names the same cluster.", exception);
        }
    }

    private void Lose(SiloWorker worker, string reason)
    {
        if (!worker.IsLost) DispatchLog.SiloLost(_logger, worker.Silo, reason);
        worker.MarkLost();
        lock (_gate) _lost[worker.Key] = worker;
    }

    private static bool IsSiloLost(Exception exception) =>
        exception is SiloLostException or SiloUnavailableException or OrleansMessageRejectionException or global::Orleans.Runtime.Messaging.ConnectionFailedException ||
        (exception.InnerException is { } inner && IsSiloLost(inner));

    // What a run carries beside its body; null for a single run that has nothing to carry (no run id, parameters, trace or runtime values).
    private static RunDetails? Details(RemoteRequest request, (string? Parent, string? State) trace, bool always)
    {
        var parameters = request.Parameters;
        if (!always && request.RunId is null && parameters.IsNone && trace.Parent is null && request.RuntimeValues is null) return null;
        var values = request.RuntimeValues switch
        {
            null => null,
            Dictionary<string, string?> dictionary => dictionary, // RemoteBody's own, never changed after the request is made
            var other => new Dictionary<string, string?>(other, StringComparer.Ordinal),
        };
        return new RunDetails(request.RunId, parameters.TypeName, Array(parameters.Json), trace.Parent, trace.State, values);
    }

    // The bytes as an array: the memory's own array when it is a whole one (RemoteBody makes those), else a copy.
    private static byte[] Array(ReadOnlyMemory<byte> memory) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

    private static (string? Parent, string? State) TraceContext() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? (current.Id, current.TraceStateString) : (null, null);

    private static RemoteReply Reply(RunOutcome outcome) =>
        new(outcome.RunId, outcome.Index, outcome.Result, outcome.Failure?.ToError());
}
