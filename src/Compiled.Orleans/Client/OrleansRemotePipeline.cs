namespace Compiled.Orleans.Client;

/// <summary>A pipeline run on an Orleans cluster: requests go to the silos' worker grains through the <see cref="ClusterDispatcher"/>.</summary>
internal sealed class OrleansRemotePipeline<TPipeline>(ClusterDispatcher dispatcher) : RemotePipeline<TPipeline>(dispatcher.JsonOptions)
    where TPipeline : class, IPipelineContract<TPipeline>
{
    private static readonly PipelineIdentity Identity = new(typeof(TPipeline).FullName!, TPipeline.PipelineName);

    public override Task<TResult> RunAsync<TResult>(
        RemoteRequest request, Func<RemoteReply, System.Text.Json.JsonSerializerOptions, TResult> read, CancellationToken cancellationToken) =>
        dispatcher.RunAsync(Identity, request, read, cancellationToken);

    // Typed where Orleans can serialize every input and output, JSON (the base) otherwise.
    public override Task<TResult> RunAsync<TInputs, TOutputs, TResult>(
        RemoteRunShape<TInputs, TOutputs, TResult> shape, TInputs inputs, string? runId, RemoteParameters parameters, CancellationToken cancellationToken) =>
        dispatcher.CarriesTyped(shape)
            ? dispatcher.RunTypedAsync(Identity, shape, inputs, runId, parameters, cancellationToken)
            : base.RunAsync(shape, inputs, runId, parameters, cancellationToken);

    public override IAsyncEnumerable<RemoteReply> RunManyAsync(IReadOnlyList<RemoteRequest> requests, int chunkSize, CancellationToken cancellationToken) =>
        dispatcher.RunManyAsync(Identity, requests, chunkSize, cancellationToken);
}
