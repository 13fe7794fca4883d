namespace Compiled;

/// <summary>
/// A pipeline run somewhere else (on a cluster of silos, for example): the transport-agnostic side of a remote run.
/// A transport such as <c>Compiled.Orleans</c> implements it; the generator adds the typed members user code calls
/// to every <c>[Pipeline]</c> (<c>RunAsync(features, parameters, runId)</c>, <c>SweepAsync</c>, <c>BatchAsync</c>, in
/// <c>{Pipeline}.Remote.g.cs</c>) as extension methods on <see cref="RemotePipeline{TPipeline}"/>.
/// </summary>
/// <remarks>
/// What crosses the wire is what the serving contract already reads and writes: the runtime inputs as the JSON
/// body of a <see cref="PipelineRequest"/>, the parameters record as JSON, and the result as the JSON object
/// <see cref="IPipelineContract{TSelf}.RunRequestAsync"/> writes, all through <see cref="JsonOptions"/>' metadata. A single
/// run of a pipeline with typed values (<see cref="RunAsync{TInputs, TOutputs, TResult}"/>) may instead carry its inputs and
/// outputs in the transport's own serializer, where it has one for each of their types.
/// </remarks>
/// <typeparam name="TPipeline">The pipeline class.</typeparam>
public abstract class RemotePipeline<TPipeline> where TPipeline : class, IPipelineContract<TPipeline>
{
    /// <summary>Creates the remote pipeline.</summary>
    /// <param name="jsonOptions">The options (and metadata) runtime inputs, parameters and results are written and read with.</param>
    protected RemotePipeline(System.Text.Json.JsonSerializerOptions jsonOptions)
    {
        ArgumentNullException.ThrowIfNull(jsonOptions);
        JsonOptions = jsonOptions;
    }

    /// <summary>The options (and metadata) runtime inputs, parameters and results are written and read with.</summary>
    public System.Text.Json.JsonSerializerOptions JsonOptions { get; }

    /// <summary>Runs one request remotely and returns what <paramref name="read"/> makes of its reply (which is a failure when the run failed).</summary>
    /// <remarks>
    /// The returned task is the transport's own, completed with <paramref name="read"/>'s value where the reply arrives: a
    /// caller waiting on it pays for no second task or continuation in between.
    /// </remarks>
    /// <typeparam name="TResult">What the reply is read into (the generated code reads the pipeline's typed <c>Result</c>).</typeparam>
    /// <param name="request">The run.</param>
    /// <param name="read">Reads the reply with <see cref="JsonOptions"/>; what it throws (<see cref="RemoteRunException"/> for a failed run) faults the task.</param>
    /// <param name="cancellationToken">Cancels the run, where it runs.</param>
    /// <exception cref="RemotePipelineException">The pipeline cannot be run remotely (no silo serves it, the cluster cannot be reached).</exception>
    public abstract Task<TResult> RunAsync<TResult>(
        RemoteRequest request, Func<RemoteReply, System.Text.Json.JsonSerializerOptions, TResult> read, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one run remotely with its runtime inputs and outputs as typed values where the transport can carry them all
    /// (<see cref="RemoteRunShape{TInputs, TOutputs, TResult}.CanCarry"/>; Compiled.Orleans: Orleans' serializer has a codec
    /// for each type), and otherwise as the serving contract's JSON, through <see cref="RunAsync{TResult}(RemoteRequest, Func{RemoteReply, System.Text.Json.JsonSerializerOptions, TResult}, CancellationToken)"/>.
    /// This base implementation always takes JSON.
    /// </summary>
    /// <typeparam name="TInputs">The runtime input, or a tuple of them.</typeparam>
    /// <typeparam name="TOutputs">The output, or a tuple of them.</typeparam>
    /// <typeparam name="TResult">The pipeline's typed <c>Result</c>.</typeparam>
    /// <param name="shape">The pipeline's run, as its generated code describes it.</param>
    /// <param name="inputs">The runtime inputs.</param>
    /// <param name="runId">The run's id; null for the remote session to name the run.</param>
    /// <param name="parameters">The run's parameters, or <see cref="RemoteParameters.None"/>.</param>
    /// <param name="cancellationToken">Cancels the run, where it runs.</param>
    /// <exception cref="RemotePipelineException">The pipeline cannot be run remotely.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public virtual Task<TResult> RunAsync<TInputs, TOutputs, TResult>(
        RemoteRunShape<TInputs, TOutputs, TResult> shape, TInputs inputs, string? runId, RemoteParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shape);
        RemoteRequest request;
        try
        {
            request = shape.ToRequest(inputs, runId, parameters, JsonOptions);
        }
        catch (Exception exception)
        {
            // An input that cannot be written (no JSON metadata for its type) faults the task, as from an async method.
            return Task.FromException<TResult>(exception);
        }

        return RunAsync(request, shape.ReadReply, cancellationToken);
    }

    /// <summary>
    /// Runs many requests remotely, spread over where they can run, in chunks of <paramref name="chunkSize"/> requests;
    /// yields one reply per request, in the order they complete, each exactly once.
    /// </summary>
    /// <param name="requests">The runs; run ids are unique.</param>
    /// <param name="chunkSize">How many requests travel (and run one after the other) together; 1 for a sweep.</param>
    /// <param name="cancellationToken">Cancels every run that has not completed.</param>
    /// <exception cref="RemotePipelineException">The pipeline cannot be run remotely.</exception>
    public abstract IAsyncEnumerable<RemoteReply> RunManyAsync(IReadOnlyList<RemoteRequest> requests, int chunkSize, CancellationToken cancellationToken);
}
