using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Compiled.Hosting;

/// <summary>
/// Healthy when the session exists and every artifact preloaded at startup is still loaded; unhealthy while
/// preloading runs, after it failed, or once an artifact was released. Registered as <c>compiled:{Session}</c>
/// with the tag <c>ready</c>: map it with <c>app.MapHealthChecks("/health")</c>, and with
/// <see cref="CompiledHealthResponse.WriteAsync"/> as the response writer to show its data.
/// </summary>
/// <remarks>
/// Its data: <see cref="EnvironmentKey"/>, the configuration environment (once the session exists), and
/// <see cref="ArtifactsKey"/>, each artifact of <c>Preload</c> with its state: <c>loaded</c>, <c>loading</c>
/// (preloading has not reached it), <c>failed</c>, or <c>released</c> (no longer held). Never an exception's message:
/// it names files on the server.
/// </remarks>
internal sealed class CompiledHealthCheck<TSession>(IServiceProvider services, PreloadState<TSession> state) : IHealthCheck
    where TSession : Session, ISessionContract<TSession>
{
    /// <summary>The data entry with the configuration environment.</summary>
    public const string EnvironmentKey = "environment";

    /// <summary>The data entry with each preloaded artifact's state, an <c>IReadOnlyDictionary&lt;string, string&gt;</c>.</summary>
    public const string ArtifactsKey = "artifacts";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var artifacts = new Dictionary<string, string>(StringComparer.Ordinal);
        var data = new Dictionary<string, object> { [ArtifactsKey] = artifacts };
        if (state.FailedDataset == PreloadState<TSession>.SessionFailed)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The session could not be created.", state.Failure, data));
        }

        ISessionContract<TSession>? session = state.Planned is null ? null : services.GetRequiredService<TSession>();
        if (session is TSession created) data[EnvironmentKey] = created.Environment;
        foreach (var name in state.Planned ?? [])
        {
            artifacts[name] = name == state.FailedDataset ? "failed"
                : session!.IsPreloaded(name) ? "loaded"
                : state.Preloaded is null ? "loading"
                : "released";
        }

        if (state.Failure is { } failure)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Artifact '{state.FailedDataset}' could not be preloaded.", failure, data));
        }

        if (state.Preloaded is not { } preloaded)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The session's artifacts are being preloaded.", data: data));
        }

        var released = preloaded.Where(name => artifacts[name] == "released").ToList();
        return Task.FromResult(released.Count > 0
            ? HealthCheckResult.Unhealthy($"Artifact(s) {string.Join(", ", released)} are no longer loaded.", data: data)
            : HealthCheckResult.Healthy($"Session ready; artifacts preloaded: {(preloaded.Count == 0 ? "none" : string.Join(", ", preloaded))}.", data));
    }
}
