using Compiled.Orleans.Placement;
using Compiled.Orleans.Silo;
using Compiled.Orleans.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Compiled.Orleans;

/// <summary>Registers a Compiled project on an Orleans silo.</summary>
public static class CompiledSiloBuilderExtensions
{
    /// <summary>
    /// Makes this silo run the pipelines of <typeparamref name="TSession"/>'s project: one session per silo, created and its
    /// artifacts preloaded when the silo starts (a failure stops the silo), shared by every run; at most
    /// <see cref="CompiledSiloOptions.MaxConcurrentRuns"/> runs at once. Clients reach it with <c>client.Pipeline&lt;TPipeline&gt;()</c>.
    /// </summary>
    /// <typeparam name="TSession">The project's generated session, such as <c>SpaceflightsSession</c>.</typeparam>
    /// <param name="silo">The silo.</param>
    /// <param name="configure">Sets the environment, project path, hooks, JSON metadata and concurrency bound.</param>
    /// <returns>The silo.</returns>
    /// <exception cref="InvalidOperationException">A session is already registered on this silo (one project per silo).</exception>
    public static ISiloBuilder AddCompiledSession<TSession>(this ISiloBuilder silo, Action<CompiledSiloOptions>? configure = null)
        where TSession : Session, ISessionContract<TSession>
    {
        ArgumentNullException.ThrowIfNull(silo);
        var existing = silo.Services.FirstOrDefault(d => d.ServiceType == typeof(ISessionHost));
        if (existing is not null)
        {
            throw new InvalidOperationException(
                $"This silo already runs a Compiled project ({existing.ImplementationType?.GetGenericArguments()[0].Name}); a silo holds one session. " +
                $"Run {typeof(TSession).Name}'s project on silos of its own.");
        }

        if (configure is not null) silo.Services.Configure(configure);
        else silo.Services.AddOptions<CompiledSiloOptions>();
        silo.Services.AddSingleton<ISessionHost, SessionHost<TSession>>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SessionStarter>();
        silo.Services.TryAddSingleton<RunReply>();
        silo.Services.TryAddSingleton<SiloBoundPlacementDirector>();
        silo.Services.AddPlacementDirector<SiloBoundPlacement, SiloBoundPlacementDirector>();
        return silo;
    }
}
