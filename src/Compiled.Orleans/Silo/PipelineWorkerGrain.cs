using Compiled.Orleans.Placement;
using Compiled.Orleans.Wire;
using Orleans.Concurrency;

namespace Compiled.Orleans.Silo;

/// <summary>
/// The worker of one silo (placed on the silo its key names): runs the runs it is sent on the silo's session. A call
/// waits for one of the silo's run slots, then runs its runs (one for a sweep, a chunk for a batch) one after the other.
/// </summary>
[Reentrant]
[SiloBoundPlacement]
internal sealed class PipelineWorkerGrain(ISessionHost host, ILocalSiloDetails silo) : Grain, IPipelineWorkerGrain
{
    public Task<WorkerInfo> DescribeAsync() => Task.FromResult(host.Describe(silo.Name));

    public async Task<RunOutcome[]> RunAsync(RunEnvelope[] runs, CancellationToken cancellationToken)
    {
        await host.EnterAsync(cancellationToken);
        try
        {
            var outcomes = new RunOutcome[runs.Length];
            for (var i = 0; i < runs.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                outcomes[i] = await host.RunAsync(runs[i], silo.Name, cancellationToken);
            }

            return outcomes;
        }
        finally
        {
            host.Exit();
        }
    }
}
