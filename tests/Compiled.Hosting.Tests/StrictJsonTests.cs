using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>
/// The sample's HTTP JSON options say nothing about unknown or missing members (System.Text.Json's lenient defaults):
/// <c>/predict</c> refuses them all the same, because <c>MapPipeline</c> reads bodies strictly by default; an endpoint
/// mapped with <c>StrictJson = false</c> reads them with the application's options as they are.
/// </summary>
public sealed class StrictJsonTests
{
    private const string UnknownMember = """{"features": {"engines": 2, "passenger_capacity": 4, "crew": 2, "warp_drive": true, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 90}}""";

    private const string MissingMember = """{"features": {"engines": 2, "passenger_capacity": 4, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 90}}""";

    [Theory]
    [InlineData(UnknownMember, "$.features.warp_drive")]
    [InlineData(MissingMember, "$.features.crew")]
    public async Task ByDefault_UnknownAndMissingMembersAre400(string body, string field)
    {
        using var project = SampleProject.Create();
        await using var api = await RunningApi.StartAsync(project.Path);

        using var response = await api.Client.PostAsync("/predict", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _), json.RootElement.ToString());
    }

    [Fact]
    public async Task Relaxed_TheApplicationsOptionsApply()
    {
        using var project = SampleProject.Create();
        await using var api = await RunningApi.StartAsync(project.Path, predict => predict.StrictJson = false, services: null);

        using var unknown = await api.Client.PostAsync("/predict", new StringContent(UnknownMember, Encoding.UTF8, "application/json"));
        using var missing = await api.Client.PostAsync("/predict", new StringContent(MissingMember, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        using var json = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal(SampleProject.Price(2, 4, 0, 1, 0, 1, 0.9, 90), json.RootElement.GetProperty("price").GetDouble(), precision: 9);
    }
}
