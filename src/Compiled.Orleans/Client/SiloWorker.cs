using Compiled.Orleans.Silo;
using Compiled.Orleans.Wire;

namespace Compiled.Orleans.Client;

/// <summary>The worker grain of one silo, as the client knows it: how many runs it takes at once, and whether the silo was lost.</summary>
internal sealed class SiloWorker(IPipelineWorkerGrain grain, WorkerInfo info)
{
    private volatile bool _lost;

    public IPipelineWorkerGrain Grain { get; } = grain;

    public WorkerInfo Info { get; } = info;

    public string Silo => Info.Silo;

    public bool IsLost => _lost;

    public void MarkLost() => _lost = true;
}
