namespace Compiled;

/// <summary>Receives a project's pipelines from <see cref="ISessionContract{TSelf}.DescribePipelines"/>.</summary>
/// <typeparam name="TSession">The project's session type.</typeparam>
public interface IPipelineRegistry<TSession> where TSession : Session
{
    /// <summary>Called once per pipeline of the project.</summary>
    /// <typeparam name="TPipeline">The pipeline class; it implements its serving contract, so a host can run it from a request.</typeparam>
    /// <param name="pipeline">Gets the pipeline of a session (its property, such as <c>session.Predict</c>).</param>
    void Add<TPipeline>(Func<TSession, TPipeline> pipeline) where TPipeline : class, IPipelineContract<TPipeline>;

    /// <summary>
    /// Called, instead of <see cref="Add{TPipeline}"/>, once per pipeline that can also run from typed runtime inputs
    /// (<see cref="IRemoteRunContract{TSelf, TInputs, TOutputs}"/>); a registry that does not use them adds the pipeline as any other.
    /// </summary>
    /// <typeparam name="TPipeline">The pipeline class.</typeparam>
    /// <typeparam name="TInputs">Its runtime input, or a tuple of its runtime inputs.</typeparam>
    /// <typeparam name="TOutputs">Its output, or a tuple of its outputs.</typeparam>
    /// <param name="pipeline">Gets the pipeline of a session.</param>
    void Add<TPipeline, TInputs, TOutputs>(Func<TSession, TPipeline> pipeline)
        where TPipeline : class, IPipelineContract<TPipeline>, IRemoteRunContract<TPipeline, TInputs, TOutputs> => Add(pipeline);
}
