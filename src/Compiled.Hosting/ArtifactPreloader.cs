using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compiled.Hosting;

/// <summary>
/// When the application starts (before the server takes requests), creates the session and loads the
/// artifacts of <see cref="HostedSessionOptions.Preload"/>. A failure stops the application: a server
/// that cannot load its model is a broken deployment, better reported at once than on every request.
/// </summary>
internal sealed class ArtifactPreloader<TSession>(
    IServiceProvider services,
    PreloadState<TSession> state,
    IOptionsMonitor<CompiledSessionOptions> options,
    ILoggerFactory loggerFactory) : IHostedService
    where TSession : Session, ISessionContract<TSession>
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(HostingLog.Category);
        ISessionContract<TSession> session;
        try
        {
            session = services.GetRequiredService<TSession>();
        }
        catch (Exception exception)
        {
            state.Fail(PreloadState<TSession>.SessionFailed, exception);
            HostingLog.SessionFailed(logger, exception, typeof(TSession).Name);
            throw;
        }

        var names = options.Get(SessionFactory.OptionsName<TSession>()).ArtifactsToPreload<TSession>();
        state.Start(names);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            try
            {
                session.Preload(name);
            }
            catch (Exception exception)
            {
                state.Fail(name, exception);
                HostingLog.PreloadFailed(logger, exception, name);
                throw;
            }

            HostingLog.Preloaded(logger, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        state.Complete(names);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
