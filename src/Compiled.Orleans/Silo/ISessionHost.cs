using Compiled.Orleans.Wire;

namespace Compiled.Orleans.Silo;

/// <summary>The silo's session, whatever its project: what the worker grain runs requests on.</summary>
internal interface ISessionHost
{
    /// <summary>Creates the session and preloads its artifacts, once, when the silo starts.</summary>
    void Start();

    /// <summary>What the silo serves.</summary>
    WorkerInfo Describe(string silo);

    /// <summary>Runs one request of <paramref name="pipeline"/> (a slot taken with <see cref="EnterAsync"/>); a failure becomes a <see cref="RunFailure"/>.</summary>
    ValueTask<RunResult> RunAsync(string pipeline, byte[] body, RunDetails? details, string silo, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="pipeline"/> from typed runtime inputs (a slot taken with <see cref="EnterAsync"/>); a failure fails
    /// the task with a <see cref="RunFailedException"/>, a cancelled run with the cancellation.
    /// </summary>
    ValueTask<TOutputs> RunTypedAsync<TInputs, TOutputs>(string pipeline, TInputs inputs, RunDetails? details, string silo, CancellationToken cancellationToken);

    /// <summary>Waits for a slot among the silo's <see cref="CompiledSiloOptions.MaxConcurrentRuns"/>; give it back with <see cref="Exit"/>.</summary>
    Task EnterAsync(CancellationToken cancellationToken);

    /// <summary>Gives back the slot <see cref="EnterAsync"/> took.</summary>
    void Exit();
}
