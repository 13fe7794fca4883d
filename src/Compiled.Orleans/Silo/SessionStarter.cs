namespace Compiled.Orleans.Silo;

/// <summary>Starts the silo's session (and preloads its artifacts) before the silo accepts calls.</summary>
internal sealed class SessionStarter(ISessionHost host) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SessionStarter), ServiceLifecycleStage.ApplicationServices, _ =>
        {
            host.Start();
            return Task.CompletedTask;
        });
}
