namespace Compiled;

/// <summary>Receives a project's pipelines from <see cref="ISessionContract{TSelf}.DescribePipelines"/>.</summary>
/// <typeparam name="TSession">The project's session type.</typeparam>
public interface IPipelineRegistry<TSession> where TSession : Session
{
    /// <summary>Called once per pipeline of the project.</summary>
    /// <typeparam name="TPipeline">The pipeline class; it implements its serving contract, so a host can run it from a request.</typeparam>
    /// <param name="pipeline">Gets the pipeline of a session (its property, such as <c>session.Predict</c>).</param>
    void Add<TPipeline>(Func<TSession, TPipeline> pipeline) where TPipeline : class, IPipelineContract<TPipeline>;
}
