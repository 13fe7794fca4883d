using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>
/// <c>/predict</c> mapped with an allow-list (<c>AllowParameterOverrides("model_options.test_size")</c>): the query string
/// overrides that parameter and no other; a refused override names the parameter and never repeats the value.
/// </summary>
public sealed class ParameterOverrideTests : IAsyncLifetime
{
    private readonly SampleProject _project = SampleProject.Create();
    private RunningApi? _api;

    private HttpClient Client => _api!.Client;

    public async Task InitializeAsync() =>
        _api = await RunningApi.StartAsync(_project.Path, predict => predict.AllowParameterOverrides("model_options.test_size"), services: null);

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        _project.Dispose();
    }

    [Fact]
    public async Task AnAllowedParameter_IsOverridden()
    {
        using var response = await PostAsync("model_options.test_size=0.3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("lots-of-it")]
    [InlineData("x', not 'lots-of-it")]
    public async Task AnAllowedParameterWithABadValue_Is400_NamingIt_WithoutTheValue(string value)
    {
        using var response = await PostAsync("model_options.test_size=" + Uri.EscapeDataString(value));

        var (message, text) = await ErrorAsync(response, "model_options.test_size");
        Assert.Contains("must be a number", message, StringComparison.Ordinal);
        Assert.DoesNotContain("lots-of-it", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model_options.random_state=7", "model_options.random_state")]
    [InlineData("model_options=1", "model_options")]
    [InlineData("api-version=2", "api-version")]
    public async Task AParameterOutsideTheAllowList_Is400_NamingIt(string query, string field)
    {
        using var response = await PostAsync(query);

        var (message, _) = await ErrorAsync(response, field);
        Assert.Equal("this endpoint does not allow overriding this parameter; it allows model_options.test_size.", message);
    }

    [Fact]
    public async Task AKeyThatIsNoParameterPath_Is400_WithoutRepeatingIt()
    {
        using var response = await PostAsync(Uri.EscapeDataString("<script>alert(1)</script>") + "=1");

        var (message, text) = await ErrorAsync(response, "query");
        Assert.Contains("not a parameter path", message, StringComparison.Ordinal);
        Assert.DoesNotContain("script", text, StringComparison.Ordinal);
        Assert.DoesNotContain("script", _api!.Log.Text, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostAsync(string query) =>
        Client.PostAsync("/predict?" + query, new StringContent(SampleProject.Body(engines: 1), Encoding.UTF8, "application/json"));

    private static async Task<(string Message, string Text)> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        return (Assert.Single(json.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString()!, text);
    }
}
