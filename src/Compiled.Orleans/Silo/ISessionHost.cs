using Compiled.Orleans.Wire;

namespace Compiled.Orleans.Silo;

/// <summary>The silo's session, whatever its project: what the worker grain runs requests on.</summary>
internal interface ISessionHost
{
    /// <summary>Creates the session and preloads its artifacts, once, when the silo starts.</summary>
    void Start();

    /// <summary>What the silo serves.</summary>
    WorkerInfo Describe(string silo);

    /// <summary>Runs one request, within the silo's concurrency bound; a failure becomes a <see cref="RunFailure"/>.</summary>
    Task<RunOutcome> RunAsync(RunEnvelope run, string silo, CancellationToken cancellationToken);

    /// <summary>Waits for a slot among the silo's <see cref="CompiledSiloOptions.MaxConcurrentRuns"/>; give it back with <see cref="Exit"/>.</summary>
    Task EnterAsync(CancellationToken cancellationToken);

    /// <summary>Gives back the slot <see cref="EnterAsync"/> took.</summary>
    void Exit();
}
