using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spaceflights.Api;
using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>
/// The Spaceflights API, as its Program starts it, listening with Kestrel on 127.0.0.1 at a free port chosen
/// by the operating system; stopped on dispose. <see cref="Client"/> talks to it over the loopback network;
/// <see cref="Log"/> holds what it logged.
/// </summary>
internal sealed class RunningApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private RunningApi(WebApplication app, Uri address, CapturedLog log)
    {
        _app = app;
        Log = log;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The application's log output (entries its logging configuration lets through).</summary>
    public CapturedLog Log { get; }

    /// <summary>Starts the API on <paramref name="projectPath"/> with the given extra command-line arguments.</summary>
    public static Task<RunningApi> StartAsync(string projectPath, params string[] arguments) =>
        StartAsync(projectPath, predict: null, services: null, arguments);

    /// <summary>
    /// Starts the API on <paramref name="projectPath"/> with <paramref name="predict"/> changing the options of
    /// <c>/predict</c>, <paramref name="services"/> adding services, and the given extra command-line arguments.
    /// </summary>
    public static async Task<RunningApi> StartAsync(
        string projectPath, Action<PipelineEndpointOptions>? predict, Action<IServiceCollection>? services, params string[] arguments)
    {
        var app = SpaceflightsApi.Create(
        [
            "--urls", "http://127.0.0.1:0",
            "--Compiled:ProjectPath", projectPath,
            "--Logging:LogLevel:Default", "Warning",
            .. arguments,
        ], predict, services);
        var log = new CapturedLog();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        return new RunningApi(app, address, log);
    }

    /// <summary>Stops the application and disposes its services, as the host does when it shuts down.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
