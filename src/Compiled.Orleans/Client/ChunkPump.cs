using System.Threading.Channels;
using Compiled.Orleans.Wire;

namespace Compiled.Orleans.Client;

/// <summary>
/// Runs the chunks of one sweep or batch on the silos that serve its pipeline until every chunk is answered. Each silo's
/// worker is kept busy with as many calls as it runs at once, pulling the next chunk when one completes. A chunk is at any
/// time either in the queue or in the one call the client waits for, and every call ends in exactly one of: its answer is
/// delivered; its silo is lost, so the call is abandoned and the chunk queued again for the others; a gateway connection
/// closed while it was in flight (its reply may never come, <see cref="GatewayConnections"/>), so the call is abandoned and
/// the chunk queued again; or it is cancelled with the sweep. An abandoned call's reply is never read, so each run is
/// delivered exactly once. A silo declared lost gets no more chunks; when every silo is lost the ones left are found again,
/// or the sweep fails naming the cluster.
/// </summary>
internal sealed class ChunkPump
{
    // How often a silo running calls of the sweep is asked whether it is still there.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly ClusterDispatcher _dispatcher;
    private readonly PipelineIdentity _pipeline;
    private readonly Channel<RunEnvelope[]> _queue = Channel.CreateUnbounded<RunEnvelope[]>();
    private readonly ChannelWriter<RunOutcome> _replies;
    private readonly CancellationToken _cancellationToken;
    private int _remaining;

    public ChunkPump(
        ClusterDispatcher dispatcher, PipelineIdentity pipeline, IReadOnlyList<RunEnvelope[]> chunks, ChannelWriter<RunOutcome> replies,
        CancellationToken cancellationToken)
    {
        _dispatcher = dispatcher;
        _pipeline = pipeline;
        _replies = replies;
        _cancellationToken = cancellationToken;
        _remaining = chunks.Count;
        foreach (var chunk in chunks) _queue.Writer.TryWrite(chunk);
    }

    /// <summary>Runs every chunk on <paramref name="workers"/> (and on the survivors found again if all of them are lost), then completes the replies.</summary>
    public async Task RunAsync(List<SiloWorker> workers)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        var watched = new HashSet<SiloWorker>();
        var watches = new List<Task>();
        try
        {
            while (true)
            {
                foreach (var worker in workers.Where(watched.Add)) watches.Add(WatchAsync(worker, done.Token));
                var loops = workers.SelectMany(w => Enumerable.Range(0, w.Info.MaxConcurrentRuns).Select(_ => LoopAsync(w))).ToList();
                await Task.WhenAll(loops).ConfigureAwait(false);
                if (Volatile.Read(ref _remaining) == 0) break;
                // Every silo the sweep had is lost: find the ones left (or fail naming the cluster when there are none).
                workers = await _dispatcher.WorkersAsync(_pipeline, _cancellationToken).ConfigureAwait(false);
            }

            _replies.TryComplete();
        }
        catch (Exception exception)
        {
            _replies.TryComplete(exception);
            throw;
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(watches).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // One of a silo's slots: takes the next chunk until none is left, or until the silo is lost.
    private async Task LoopAsync(SiloWorker worker)
    {
        await foreach (var chunk in _queue.Reader.ReadAllAsync(_cancellationToken).ConfigureAwait(false))
        {
            if (worker.IsLost || !await CallAsync(worker, chunk).ConfigureAwait(false))
            {
                Requeue(chunk, worker);
                return;
            }
        }
    }

    // One call of a chunk to a silo's worker; false when the silo is lost (the caller queues the chunk again).
    private async Task<bool> CallAsync(SiloWorker worker, RunEnvelope[] chunk)
    {
        // Taken before the call is sent: a gateway connection that closes from now on may be the one carrying it.
        var gatewayClosed = _dispatcher.Gateways.Closed;
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, worker.Lost, gatewayClosed);
        DispatchLog.Sent(_dispatcher.Logger, chunk.Length, FirstRunId(chunk), worker.Silo);
        // The token reaches the silo: an abandoned call's runs are cancelled there too, if the silo is still there to hear it.
        var call = worker.Grain.RunManyAsync(chunk, abandon.Token);
        RunOutcome[] outcomes;
        try
        {
            outcomes = await call.WaitAsync(abandon.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            AbandonedCall.Observe(call);
            throw;
        }
        catch (Exception exception) when (worker.IsLost || (ClusterDispatcher.IsSiloLost(exception) && !gatewayClosed.IsCancellationRequested))
        {
            AbandonedCall.Observe(call);
            _dispatcher.Lose(worker, exception.Message);
            return false;
        }
        catch (Exception) when (gatewayClosed.IsCancellationRequested)
        {
            // The silo may be well, but not the way back: its reply may never come.
            AbandonedCall.Observe(call);
            DispatchLog.GatewayClosed(_dispatcher.Logger, chunk.Length, FirstRunId(chunk), worker.Silo);
            _queue.Writer.TryWrite(chunk);
            return true;
        }
        catch (Exception exception)
        {
            // The call failed for another reason (its CallTimeout, an error on the silo): each of its runs fails, naming the silo.
            outcomes = Failed(chunk, worker, exception);
        }

        foreach (var outcome in outcomes) _replies.TryWrite(outcome);
        if (Interlocked.Decrement(ref _remaining) == 0) _queue.Writer.TryComplete();
        return true;
    }

    private void Requeue(RunEnvelope[] chunk, SiloWorker worker)
    {
        _queue.Writer.TryWrite(chunk);
        DispatchLog.Requeued(_dispatcher.Logger, chunk.Length, FirstRunId(chunk), worker.Silo);
    }

    // Asks a silo running calls of the sweep, every second, whether it is still there: a silo that does not answer within
    // SiloTimeout, cannot be reached, or whose worker answers from another silo (the cluster declared it dead) is lost, and
    // the calls waiting on it are abandoned at once (their replies may never come).
    private async Task WatchAsync(SiloWorker worker, CancellationToken done)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(done, worker.Lost);
        using var timer = new PeriodicTimer(ProbeInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                if (await worker.ProbeAsync(_dispatcher.SiloTimeout, _dispatcher.Gateways.Closed, stop.Token).ConfigureAwait(false) is { } lost)
                {
                    _dispatcher.Lose(worker, lost);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The sweep ended, or the silo was lost another way.
        }
    }

    private static string FirstRunId(RunEnvelope[] chunk) => chunk[0].Details.RunId!;

    private static RunOutcome[] Failed(RunEnvelope[] chunk, SiloWorker worker, Exception exception)
    {
        var failure = exception is TimeoutException timeout ? ClusterDispatcher.Timeout(worker, timeout) : exception;
        return Array.ConvertAll(chunk, run => new RunOutcome(run.Details.RunId!, run.Index, [],
            new RunFailure(run.Details.RunId!, null, worker.Silo, failure.GetType().FullName!, failure.Message)));
    }
}
