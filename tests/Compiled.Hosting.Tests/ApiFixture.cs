using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>One running API with an API key configured (so <c>/predict</c> requires it), shared by a test class.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string ApiKey = "test-key-5f1c";

    private readonly SampleProject _project = SampleProject.Create();
    private RunningApi? _api;

    internal RunningApi Api => _api ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _api = await RunningApi.StartAsync(_project.Path, "--ApiKey", ApiKey);

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        _project.Dispose();
    }
}
