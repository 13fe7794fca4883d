namespace Compiled.Orleans.Wire;

/// <summary>
/// A run with typed runtime inputs that failed on its silo (<see cref="Silo.IPipelineWorkerGrain.RunTypedAsync{TInputs, TOutputs}"/>):
/// its failure crosses the wire in Orleans' serializer and becomes a <see cref="RemoteRunException"/> on the client. A call
/// that returns typed outputs has no reply of its own to carry a failure in, as a JSON run's <see cref="RunReply"/> does.
/// </summary>
[GenerateSerializer]
internal sealed class RunFailedException : Exception
{
    public RunFailedException(RunFailure failure) : base(failure.Message) => Failure = failure;

    /// <summary>The node, the run id and the silo of the failed run, and its error.</summary>
    [Id(0)]
    public RunFailure Failure { get; }
}
