using System.Net;
using System.Text;
using System.Text.Json;
using Spaceflights.Api;
using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>
/// A body over the limit (the sample's <c>[RequestSizeLimit]</c> on <c>/predict</c>, which routing applies as the
/// request's <c>MaxRequestBodySize</c>) is answered 413 as a problem, and logged as a refused request, not as an
/// unhandled exception.
/// </summary>
public sealed class BodyLimitTests
{
    [Fact]
    public async Task BodyOverTheEndpointsLimit_Is413Problem_LoggedWithoutAnUnhandledException()
    {
        using var project = SampleProject.Create();
        await using var api = await RunningApi.StartAsync(project.Path, predict: null, services: null, "--Logging:LogLevel:Compiled.Hosting", "Information");

        await AssertRefusedAsync(api, SpaceflightsApi.MaxPredictBodySize);
    }

    private static async Task AssertRefusedAsync(RunningApi api, long limit)
    {
        var body = SampleProject.Body(engines: 2).Replace("{\"features\"", "{\"padding\": \"" + new string('x', (int)limit + 1) + "\", \"features\"", StringComparison.Ordinal);

        using var response = await api.Client.PostAsync("/predict", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(413, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal($"The body of a request to run pipeline 'predict' may have at most {limit} bytes.", json.RootElement.GetProperty("detail").GetString());
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Run-Id")), json.RootElement.GetProperty("runId").GetString());
        await api.StopAsync();
        Assert.Contains("Information Compiled.Hosting[109]: Refused a request to run 'predict'", api.Log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("unhandled exception", api.Log.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("BadHttpRequestException", api.Log.Text, StringComparison.Ordinal);
    }
}
