using Compiled.Orleans.Placement;
using Compiled.Orleans.Wire;
using Orleans.Concurrency;

namespace Compiled.Orleans.Silo;

/// <summary>
/// The worker of one silo (placed on the silo its key names): runs the runs it is sent on the silo's session. A call
/// waits for one of the silo's run slots, then runs its run (or, for a chunk of a sweep or batch, its runs one after the other).
/// </summary>
[Reentrant]
[SiloBoundPlacement]
internal sealed class PipelineWorkerGrain(ISessionHost host, ILocalSiloDetails silo, RunReply reply) : Grain, IPipelineWorkerGrain
{
    public Task<WorkerInfo> DescribeAsync() => Task.FromResult(host.Describe(silo.Name));

    // A free slot and a run that completes synchronously (no node awaits) take no state machine and no task: the reply is a
    // completed ValueTask of the result's bytes, and the call costs what the run costs.
    public ValueTask<byte[]> RunAsync(string pipeline, byte[] body, RunDetails? details, CancellationToken cancellationToken)
    {
        var enter = host.EnterAsync(cancellationToken);
        if (!enter.IsCompletedSuccessfully) return RunAfterWaitAsync(enter, pipeline, body, details, cancellationToken);
        ValueTask<RunResult> run;
        try
        {
            run = host.RunAsync(pipeline, body, details, silo.Name, cancellationToken);
        }
        catch
        {
            host.Exit();
            throw;
        }

        if (!run.IsCompleted) return ExitAfterAsync(run);
        host.Exit();
        return run.IsCompletedSuccessfully ? new(reply.Write(run.Result)) : RethrowAsync(run);
    }

    // As RunAsync: a free slot and a run that completes synchronously return the run's own completed ValueTask.
    public ValueTask<TOutputs> RunTypedAsync<TInputs, TOutputs>(string pipeline, TInputs inputs, RunDetails? details, CancellationToken cancellationToken)
    {
        var enter = host.EnterAsync(cancellationToken);
        if (!enter.IsCompletedSuccessfully) return RunTypedAfterWaitAsync<TInputs, TOutputs>(enter, pipeline, inputs, details, cancellationToken);
        ValueTask<TOutputs> run;
        try
        {
            run = host.RunTypedAsync<TInputs, TOutputs>(pipeline, inputs, details, silo.Name, cancellationToken);
        }
        catch
        {
            host.Exit();
            throw;
        }

        if (!run.IsCompleted) return ExitAfterAsync(run);
        host.Exit();
        return run;
    }

    public async Task<RunOutcome[]> RunManyAsync(RunEnvelope[] runs, CancellationToken cancellationToken)
    {
        await host.EnterAsync(cancellationToken);
        try
        {
            var outcomes = new RunOutcome[runs.Length];
            for (var i = 0; i < runs.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var run = runs[i];
                var result = await host.RunAsync(run.Pipeline, run.Body, run.Details, silo.Name, cancellationToken);
                outcomes[i] = new RunOutcome(run.Details.RunId!, run.Index, result.Result, result.Failure);
            }

            return outcomes;
        }
        finally
        {
            host.Exit();
        }
    }

    private async ValueTask<byte[]> RunAfterWaitAsync(Task enter, string pipeline, byte[] body, RunDetails? details, CancellationToken cancellationToken)
    {
        await enter;
        try
        {
            return reply.Write(await host.RunAsync(pipeline, body, details, silo.Name, cancellationToken));
        }
        finally
        {
            host.Exit();
        }
    }

    private async ValueTask<byte[]> ExitAfterAsync(ValueTask<RunResult> run)
    {
        try
        {
            return reply.Write(await run);
        }
        finally
        {
            host.Exit();
        }
    }

    private async ValueTask<TOutputs> RunTypedAfterWaitAsync<TInputs, TOutputs>(
        Task enter, string pipeline, TInputs inputs, RunDetails? details, CancellationToken cancellationToken)
    {
        await enter;
        try
        {
            return await host.RunTypedAsync<TInputs, TOutputs>(pipeline, inputs, details, silo.Name, cancellationToken);
        }
        finally
        {
            host.Exit();
        }
    }

    private async ValueTask<TOutputs> ExitAfterAsync<TOutputs>(ValueTask<TOutputs> run)
    {
        try
        {
            return await run;
        }
        finally
        {
            host.Exit();
        }
    }

    // A run that completed synchronously with an exception (cancelled): the exception, as from an async method.
    private async ValueTask<byte[]> RethrowAsync(ValueTask<RunResult> run) => reply.Write(await run);
}
