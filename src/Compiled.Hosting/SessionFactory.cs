using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Compiled.Hosting;

/// <summary>Creates the registered session from its options, with the application's logging, tracing and hooks.</summary>
internal static class SessionFactory
{
    /// <summary>The name of the options of <typeparamref name="TSession"/> (one set per registered project).</summary>
    public static string OptionsName<TSession>() => typeof(TSession).FullName ?? typeof(TSession).Name;

    public static TSession Create<TSession>(IServiceProvider services) where TSession : Session, ISessionContract<TSession>
    {
        var options = services.GetRequiredService<IOptionsMonitor<CompiledSessionOptions>>().Get(OptionsName<TSession>());
        var loggerFactory = services.GetService<ILoggerFactory>();
        var session = options.CreateSession<TSession>(services.GetServices<PipelineHook>(), loggerFactory);
        if (loggerFactory is not null)
        {
            HostingLog.SessionCreated(loggerFactory.CreateLogger(HostingLog.Category), typeof(TSession).Name, session.Environment, session.ProjectPath);
        }

        return session;
    }
}
