using Microsoft.AspNetCore.Builder;
using Spaceflights.Api;
using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>
/// The Spaceflights API, as its Program starts it, listening with Kestrel on 127.0.0.1 at a free port chosen
/// by the operating system; stopped on dispose. <see cref="Client"/> talks to it over the loopback network.
/// </summary>
internal sealed class RunningApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningApi(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the API on <paramref name="projectPath"/> with the given extra command-line arguments.</summary>
    public static async Task<RunningApi> StartAsync(string projectPath, params string[] arguments)
    {
        var app = SpaceflightsApi.Create(
        [
            "--urls", "http://127.0.0.1:0",
            "--Compiled:ProjectPath", projectPath,
            "--Logging:LogLevel:Default", "Warning",
            .. arguments,
        ]);
        await app.StartAsync();
        var address = new Uri(app.Urls.Single());
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        return new RunningApi(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
