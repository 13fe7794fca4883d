namespace Compiled;

/// <summary>
/// What a host needs to know about a pipeline to serve it without knowing it: its name, the runtime
/// inputs a request carries, its <c>${runtime:…}</c> values, its outputs, and a way to run it from a
/// serialized request. The generator implements it on every <c>[Pipeline]</c> class (in
/// <c>{Pipeline}.Contract.g.cs</c>), so a host such as <c>Compiled.Hosting</c>'s <c>MapPipeline&lt;TPipeline&gt;</c>
/// can serve any pipeline through direct, typed, reflection-free code.
/// </summary>
/// <typeparam name="TSelf">The pipeline class itself.</typeparam>
public interface IPipelineContract<TSelf> where TSelf : class, IPipelineContract<TSelf>
{
    /// <summary>The pipeline's name, such as <c>predict</c>.</summary>
    static abstract string PipelineName { get; }

    /// <summary>
    /// The pipeline's runtime inputs (<c>[Pipeline(Inputs = …)]</c>), in the order of <c>Run</c>'s
    /// parameters: a request body is a JSON object with one property per input, named like the dataset.
    /// </summary>
    static abstract IReadOnlyList<PipelineField> RuntimeInputs { get; }

    /// <summary>The <c>${runtime:…}</c> values of the catalog entries the pipeline uses (strings); required when they have no default.</summary>
    static abstract IReadOnlyList<PipelineField> RuntimeValues { get; }

    /// <summary>The pipeline's outputs (its <c>Result</c>): a response is a JSON object with one property per output, named like the dataset.</summary>
    static abstract IReadOnlyList<PipelineField> Outputs { get; }

    /// <summary>
    /// Runs <paramref name="pipeline"/> for one request: reads the runtime inputs from <see cref="PipelineRequest.Body"/>,
    /// applies <see cref="PipelineRequest.ParameterOverrides"/> to the session's parameters, takes the
    /// runtime values from <see cref="PipelineRequest.RuntimeValues"/>, runs with <see cref="PipelineRequest.RunId"/>
    /// and writes the result to <see cref="PipelineRequest.Response"/>.
    /// </summary>
    /// <remarks>
    /// Static, like the other members: a host calls it through the type it serves (<c>TPipeline.RunRequestAsync(pipeline, …)</c>),
    /// with no virtual dispatch, and the pipeline class gains no instance member beside its own <c>Run</c> methods.
    /// </remarks>
    /// <param name="pipeline">The pipeline, bound to its session.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <exception cref="PipelineRequestException">The body, or a runtime value, is missing or malformed; names the field. Nothing ran.</exception>
    /// <exception cref="ParameterException">A parameter override names an unknown path or has a malformed value; names the path. Nothing ran.</exception>
    /// <exception cref="PipelineRunException">The run failed; names the node and the run id.</exception>
    static abstract ValueTask RunRequestAsync(TSelf pipeline, PipelineRequest request, CancellationToken cancellationToken);
}
