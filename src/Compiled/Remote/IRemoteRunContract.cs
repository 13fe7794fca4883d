using System.ComponentModel;

namespace Compiled;

/// <summary>
/// Runs a pipeline from runtime inputs that arrived as typed values (a transport's own serializer, not JSON) and returns its
/// outputs the same way: the silo's side of <see cref="RemoteRunShape{TInputs, TOutputs, TResult}"/>. The generator implements it,
/// in <c>{Pipeline}.Contract.g.cs</c>, on every pipeline with one to seven runtime inputs, one to seven outputs and no
/// <c>${runtime:…}</c> values; a host finds it through <see cref="IPipelineRegistry{TSession}.Add{TPipeline, TInputs, TOutputs}"/>.
/// </summary>
/// <typeparam name="TSelf">The pipeline class.</typeparam>
/// <typeparam name="TInputs">Its runtime input, or a tuple of its runtime inputs in the order its <c>Run</c> takes them.</typeparam>
/// <typeparam name="TOutputs">Its output, or a tuple of its outputs in the order of its <c>Result</c>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRemoteRunContract<TSelf, TInputs, TOutputs> where TSelf : class, IRemoteRunContract<TSelf, TInputs, TOutputs>
{
    /// <summary>Runs <paramref name="pipeline"/> once with <paramref name="inputs"/>.</summary>
    /// <param name="pipeline">The pipeline of the host's session.</param>
    /// <param name="inputs">The runtime inputs.</param>
    /// <param name="run">The run's id and parameters record.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The outputs; a failed run fails the task with the session's <see cref="PipelineRunException"/>.</returns>
    static abstract ValueTask<TOutputs> RunRemoteAsync(TSelf pipeline, TInputs inputs, RemoteRunArguments run, CancellationToken cancellationToken);
}
