using Compiled.Orleans.Wire;

namespace Compiled.Orleans.Silo;

/// <summary>
/// Runs pipelines on the silo it lives on (one per silo: its key is the silo's address). Reentrant: concurrent calls
/// run together, up to the silo's <see cref="CompiledSiloOptions.MaxConcurrentRuns"/>.
/// </summary>
internal interface IPipelineWorkerGrain : IGrainWithStringKey
{
    /// <summary>What the silo serves.</summary>
    Task<WorkerInfo> DescribeAsync();

    /// <summary>Runs <paramref name="runs"/> one after the other and returns one outcome per run, failures included.</summary>
    Task<RunOutcome[]> RunAsync(RunEnvelope[] runs, CancellationToken cancellationToken);
}
