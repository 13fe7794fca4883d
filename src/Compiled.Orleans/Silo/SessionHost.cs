using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Compiled.Orleans.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compiled.Orleans.Silo;

/// <summary>
/// The one session of a silo: created and its artifacts preloaded when the silo starts (<see cref="Start"/>), then shared
/// by every run. Runs a request through the pipeline's serving contract (<c>TPipeline.RunRequestAsync</c>): the body and the
/// parameters are read, and the result written, as JSON with the configured metadata.
/// </summary>
internal sealed class SessionHost<TSession> : ISessionHost, IPipelineRegistry<TSession>, IDisposable
    where TSession : Session, ISessionContract<TSession>
{
    private delegate ValueTask Runner(TSession session, PipelineRequest request, CancellationToken cancellationToken);

    private delegate ValueTask<TOutputs> TypedRunner<TInputs, TOutputs>(TSession session, TInputs inputs, RemoteRunArguments run, CancellationToken cancellationToken);

    private static readonly Dictionary<string, string?> NoRuntimeValues = [];

    private readonly Dictionary<string, Runner> _pipelines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Delegate> _typedPipelines = new(StringComparer.Ordinal); // TypedRunner<TInputs, TOutputs> each
    private readonly CompiledSiloOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SemaphoreSlim _slots;
    private readonly JsonSerializerOptions _json;
    private TSession? _session;

    public SessionHost(IOptions<CompiledSiloOptions> options, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        if (_options.MaxConcurrentRuns < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxConcurrentRuns,
                "CompiledSiloOptions.MaxConcurrentRuns must be at least 1.");
        }

        _loggerFactory = loggerFactory;
        _slots = new SemaphoreSlim(_options.MaxConcurrentRuns, _options.MaxConcurrentRuns);
        _json = WireJson.Options(_options.JsonTypeInfoResolver, "CompiledSiloOptions.JsonTypeInfoResolver");
        TSession.DescribePipelines(this);
    }

    private TSession Session => _session ?? throw new InvalidOperationException($"The silo's {typeof(TSession).Name} has not started yet.");

    /// <summary>Creates the session and loads its artifacts; a failure stops the silo (a silo without its model is a broken deployment).</summary>
    public void Start()
    {
        var logger = _loggerFactory.CreateLogger("Compiled.Orleans");
        var session = _options.CreateSession<TSession>(_options.Hooks, _loggerFactory);
        foreach (var artifact in _options.ArtifactsToPreload<TSession>())
        {
            var started = Stopwatch.GetTimestamp();
            session.Preload(artifact);
            logger.LogInformation("Preloaded artifact {Artifact} of {Session} in {Milliseconds:F1} ms", artifact, typeof(TSession).Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        _session = session;
    }

    void IPipelineRegistry<TSession>.Add<TPipeline>(Func<TSession, TPipeline> pipeline) =>
        _pipelines[typeof(TPipeline).FullName!] = (session, request, cancellationToken) =>
            TPipeline.RunRequestAsync(pipeline(session), request, cancellationToken);

    void IPipelineRegistry<TSession>.Add<TPipeline, TInputs, TOutputs>(Func<TSession, TPipeline> pipeline)
    {
        ((IPipelineRegistry<TSession>)this).Add(pipeline);
        _typedPipelines[typeof(TPipeline).FullName!] = new TypedRunner<TInputs, TOutputs>((session, inputs, run, cancellationToken) =>
            TPipeline.RunRemoteAsync(pipeline(session), inputs, run, cancellationToken));
    }

    public WorkerInfo Describe(string silo) =>
        new(silo, typeof(TSession).FullName!, [.. _pipelines.Keys.Order(StringComparer.Ordinal)], _options.MaxConcurrentRuns);

    // A free slot is taken synchronously, with a cached completed task: no allocation on the path of a single run.
    public Task EnterAsync(CancellationToken cancellationToken) => _slots.WaitAsync(cancellationToken);

    public void Exit() => _slots.Release();

    // A run that completes synchronously (no node awaits, as a scoring run) returns without a state machine: the result's
    // bytes in a completed ValueTask. A run still running, or failed, is finished by CompleteAsync.
    public ValueTask<RunResult> RunAsync(string pipeline, byte[] body, RunDetails? details, string silo, CancellationToken cancellationToken)
    {
        if (!_pipelines.TryGetValue(pipeline, out var runner))
        {
            return new(new RunResult([], Failure(details, silo, node: null, nameof(RemotePipelineException), UnknownPipeline(pipeline, silo))));
        }

        if (details?.TraceParent is not null) return RunInTraceAsync(runner, body, details, silo, cancellationToken);
        // The result is written into a reusable writer and copied once, into the reply; a failed run drops what it wrote.
        var response = ReusableJsonWriter.Rent();
        var run = StartRun(runner, body, details, response, cancellationToken);
        if (!run.IsCompletedSuccessfully) return CompleteAsync(run, response, details, silo, cancellationToken);
        run.GetAwaiter().GetResult(); // consumed once, as an await would: a ValueTask from a pooled source goes back to its pool
        return new(new RunResult(response.ToArrayAndReturn(), null));
    }

    // As RunAsync, for a run whose inputs and outputs cross the wire typed: a run that completes synchronously returns its
    // own completed ValueTask; a failure becomes a RunFailedException that names the node, the run id and the silo.
    public ValueTask<TOutputs> RunTypedAsync<TInputs, TOutputs>(string pipeline, TInputs inputs, RunDetails? details, string silo, CancellationToken cancellationToken)
    {
        if (!_typedPipelines.TryGetValue(pipeline, out var found) || found is not TypedRunner<TInputs, TOutputs> runner)
        {
            return ValueTask.FromException<TOutputs>(new RunFailedException(Failure(details, silo, node: null, nameof(RemotePipelineException),
                _pipelines.ContainsKey(pipeline)
                    ? $"Silo {silo} runs {pipeline} from other runtime inputs or outputs than {typeof(TInputs)} and {typeof(TOutputs)}, the caller's: " +
                      "deploy the same build of the project to the client and the silos."
                    : UnknownPipeline(pipeline, silo))));
        }

        if (details?.TraceParent is not null) return RunTypedInTraceAsync(runner, inputs, details, silo, cancellationToken);
        var run = StartTypedRun(runner, inputs, details, cancellationToken);
        return run.IsCompletedSuccessfully ? run : CompleteTypedAsync(run, details, silo, cancellationToken);
    }

    /// <summary>Disposes the session (its open datasets) when the silo's services are disposed.</summary>
    public void Dispose()
    {
        _session?.Dispose();
        _slots.Dispose();
    }

    // A run in the caller's trace: the caller's trace context is the parent of this run's spans (the Compiled activity
    // source's spans join its trace). Async, so that the activity is the current one only while the run runs.
    private async ValueTask<RunResult> RunInTraceAsync(Runner runner, byte[] body, RunDetails details, string silo, CancellationToken cancellationToken)
    {
        using var activity = StartInCallersTrace(details);
        var response = ReusableJsonWriter.Rent();
        return await CompleteAsync(StartRun(runner, body, details, response, cancellationToken), response, details, silo, cancellationToken).ConfigureAwait(false);
    }

    // Starts the run on the session; what fails before the run starts (a request the pipeline cannot read) fails the ValueTask.
    private ValueTask StartRun(Runner runner, byte[] body, RunDetails? details, ReusableJsonWriter response, CancellationToken cancellationToken)
    {
        try
        {
            var request = new PipelineRequest(new ReadOnlySequence<byte>(body), response.Writer, _json, details?.RunId)
            {
                Parameters = ParametersOf(details),
                RuntimeValues = details?.RuntimeValues ?? NoRuntimeValues,
            };
            return runner(Session, request, cancellationToken);
        }
        catch (Exception exception)
        {
            return ValueTask.FromException(exception);
        }
    }

    // The rest of a run that did not complete synchronously, or failed: its result, or its failure as a RunFailure that names
    // the node, the run id and the silo. A cancelled run is not a failure: it cancels the call.
    private static async ValueTask<RunResult> CompleteAsync(
        ValueTask run, ReusableJsonWriter response, RunDetails? details, string silo, CancellationToken cancellationToken)
    {
        try
        {
            await run.ConfigureAwait(false);
            return new RunResult(response.ToArrayAndReturn(), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            return new RunResult([], FailureOf(exception, details, silo));
        }
    }

    private async ValueTask<TOutputs> RunTypedInTraceAsync<TInputs, TOutputs>(
        TypedRunner<TInputs, TOutputs> runner, TInputs inputs, RunDetails details, string silo, CancellationToken cancellationToken)
    {
        using var activity = StartInCallersTrace(details);
        return await CompleteTypedAsync(StartTypedRun(runner, inputs, details, cancellationToken), details, silo, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<TOutputs> StartTypedRun<TInputs, TOutputs>(
        TypedRunner<TInputs, TOutputs> runner, TInputs inputs, RunDetails? details, CancellationToken cancellationToken)
    {
        try
        {
            return runner(Session, inputs, new RemoteRunArguments(details?.RunId, ParametersOf(details), _json), cancellationToken);
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<TOutputs>(exception);
        }
    }

    private static async ValueTask<TOutputs> CompleteTypedAsync<TOutputs>(ValueTask<TOutputs> run, RunDetails? details, string silo, CancellationToken cancellationToken)
    {
        try
        {
            return await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new RunFailedException(FailureOf(exception, details, silo));
        }
    }

    private string UnknownPipeline(string pipeline, string silo) =>
        $"Silo {silo} serves the project of {typeof(TSession).FullName}, which has no pipeline {pipeline}; its pipelines are " +
        $"{string.Join(", ", _pipelines.Keys.Order(StringComparer.Ordinal))}. Start silos with the project the pipeline belongs to.";

    // A run in the caller's trace: the caller's trace context is the parent of this run's spans (the Compiled activity
    // source's spans join its trace), for as long as the returned activity is current.
    private static Activity StartInCallersTrace(RunDetails details)
    {
        var activity = new Activity("Compiled.Orleans.RemoteRun");
        activity.SetParentId(details.TraceParent!);
        activity.TraceStateString = details.TraceState;
        return activity.Start();
    }

    private static RemoteParameters ParametersOf(RunDetails? details) =>
        details is null || details.Parameters.Length == 0 ? RemoteParameters.None : new RemoteParameters(details.ParametersType, details.Parameters);

    // A failed run as it crosses the wire: the session's failure names the node and the run id; any other (the request could
    // not be read, the parameters record is another project's) names no node.
    private static RunFailure FailureOf(Exception exception, RunDetails? details, string silo)
    {
        if (exception is not PipelineRunException failed) return Failure(details, silo, node: null, exception.GetType().FullName!, exception.Message);
        var cause = failed.InnerException ?? failed;
        return new RunFailure(failed.RunId, failed.NodeName, silo, cause.GetType().FullName!, cause.Message);
    }

    // A run that failed before the session named it (no run id given) is named here, as a session would.
    private static RunFailure Failure(RunDetails? details, string silo, string? node, string errorType, string message) =>
        new(details?.RunId ?? RemoteRequest.NewRunId(), node, silo, errorType, message);
}
