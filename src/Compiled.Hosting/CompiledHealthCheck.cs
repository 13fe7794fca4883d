using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compiled.Hosting;

/// <summary>
/// Healthy when the session exists and every artifact preloaded at startup is still loaded; unhealthy while
/// preloading runs, after it failed, or once an artifact was released. Registered as <c>compiled:{Session}</c>
/// with the tag <c>ready</c>: map it with <c>app.MapHealthChecks("/health")</c>.
/// </summary>
internal sealed class CompiledHealthCheck<TSession>(IServiceProvider services, PreloadState<TSession> state) : IHealthCheck
    where TSession : Session, ISessionContract<TSession>
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Failure is { } failure)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                state.FailedDataset == "(session)" ? "The session could not be created." : $"Artifact '{state.FailedDataset}' could not be preloaded.",
                failure));
        }

        if (state.Preloaded is not { } preloaded)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The session's artifacts are being preloaded."));
        }

        var session = services.GetRequiredService<TSession>();
        ISessionContract<TSession> contract = session;
        var released = preloaded.Where(name => !contract.IsPreloaded(name)).ToList();
        var data = new Dictionary<string, object>
        {
            ["environment"] = session.Environment,
            ["preloaded"] = string.Join(", ", preloaded),
        };
        return Task.FromResult(released.Count > 0
            ? HealthCheckResult.Unhealthy($"Artifact(s) {string.Join(", ", released)} are no longer loaded.", data: data)
            : HealthCheckResult.Healthy($"Session ready; artifacts preloaded: {(preloaded.Count == 0 ? "none" : string.Join(", ", preloaded))}.", data));
    }
}
