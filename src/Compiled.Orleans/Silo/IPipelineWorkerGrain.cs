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

    /// <summary>
    /// Runs one run of <paramref name="pipeline"/> (by its class's full name) and returns its result or failure (<see cref="RunReply"/>):
    /// the call of a single remote run, shaped like a bare grain call (the body in, the bytes out); <paramref name="details"/> is null
    /// when the run has none.
    /// </summary>
    ValueTask<byte[]> RunAsync(string pipeline, byte[] body, RunDetails? details, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one run of <paramref name="pipeline"/> from runtime inputs that crossed the wire typed, in Orleans' serializer, and
    /// returns its outputs the same way: the call of a single remote run whose inputs and outputs Orleans can serialize. A failed
    /// run fails the call with a <see cref="RunFailedException"/> that names the node, the run id and the silo.
    /// </summary>
    ValueTask<TOutputs> RunTypedAsync<TInputs, TOutputs>(string pipeline, TInputs inputs, RunDetails? details, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="runs"/> (a chunk of a sweep or batch) one after the other and returns one outcome per run, failures included.</summary>
    Task<RunOutcome[]> RunManyAsync(RunEnvelope[] runs, CancellationToken cancellationToken);
}
