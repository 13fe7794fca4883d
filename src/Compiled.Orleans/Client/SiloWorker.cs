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

    public IPipelineWorkerGrain Grain { get; } = grain;

    public WorkerInfo Info { get; } = info;

    public string Silo => Info.Silo;

    public string Key => Grain.GetPrimaryKeyString();

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Cancelled when the silo is lost.</summary>
    public CancellationToken Lost => _lost.Token;

    public void MarkLost()
    {
        try
        {
            _lost.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Never disposed: a worker lives as long as its dispatcher.
        }
    }
}
