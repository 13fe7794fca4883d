using Compiled.Orleans.Silo;
using Compiled.Orleans.Wire;

namespace Compiled.Orleans.Client;

/// <summary>
/// The worker grain of one silo, as the client knows it: how many runs it takes at once, and whether the silo was lost
/// (which cancels the calls still waiting on it, so that their runs go to the survivors).
/// </summary>
internal sealed class SiloWorker(IPipelineWorkerGrain grain, WorkerInfo info)
{
    private readonly CancellationTokenSource _lost = new();
    private int _marked;

    public IPipelineWorkerGrain Grain { get; } = grain;

    public WorkerInfo Info { get; } = info;

    public string Silo => Info.Silo;

    public string Key => Grain.GetPrimaryKeyString();

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Cancelled when the silo is lost.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Marks the silo lost; true the first time only.</summary>
    public bool MarkLost()
    {
        if (Interlocked.Exchange(ref _marked, 1) != 0) return false;
        _lost.Cancel();
        return true;
    }

    /// <summary>
    /// Asks the silo's worker whether it is still there: null when it answers from its silo within <paramref name="timeout"/>
    /// (or when a gateway connection closes first: the probe's reply may have been on it, so it tells nothing), else why the
    /// silo is lost (no answer in time, a failed call: killed or unreachable; an answer from another silo: the cluster
    /// declared it dead, and Orleans placed its worker elsewhere).
    /// </summary>
    public async Task<string?> ProbeAsync(TimeSpan timeout, CancellationToken gatewayClosed, CancellationToken cancellationToken)
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, gatewayClosed);
        var call = Grain.DescribeAsync();
        try
        {
            var answer = await call.WaitAsync(timeout, abandon.Token).ConfigureAwait(false);
            return answer.Silo == Silo ? null : $"its worker answered from silo {answer.Silo}: the cluster declared it dead";
        }
        catch (Exception) when (gatewayClosed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            AbandonedCall.Observe(call);
            return null;
        }
        catch (TimeoutException)
        {
            AbandonedCall.Observe(call);
            return $"it did not answer a probe within {timeout} (CompiledClientOptions.SiloTimeout)";
        }
        catch (OperationCanceledException)
        {
            AbandonedCall.Observe(call);
            throw;
        }
        catch (Exception exception)
        {
            return $"a probe failed: {exception.GetType().Name}: {exception.Message}";
        }
    }
}
