using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>
/// <c>POST /predict</c> (<c>MapPipeline&lt;PredictPipeline&gt;</c>) of the real API over loopback HTTP: the price of
/// one shuttle with the run id in a header, malformed requests answered 400 with the field named, the API key
/// policy enforced, concurrent requests each given their own answer.
/// </summary>
public sealed class PredictEndpointTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _client = fixture.Api.Client;

    [Fact]
    public async Task Predict_ReturnsThePrice_AndTheRunIdInAHeader()
    {
        using var response = await PostAsync("/predict", SampleProject.Body(engines: 2, passengerCapacity: 5, crew: 3, dCheck: true, moonClearance: false,
            iata: true, companyRating: 0.9, reviewScore: 95));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["price"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(SampleProject.Price(2, 5, 3, 1, 0, 1, 0.9, 95), json.RootElement.GetProperty("price").GetDouble(), precision: 9);
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(response.Headers.GetValues("X-Run-Id")));
    }

    [Fact]
    public async Task Predict_AndTheHandWrittenBaseline_Agree()
    {
        var body = SampleProject.Body(engines: 3, companyRating: 0.5);

        using var pipeline = await PostAsync("/predict", body);
        using var baseline = await PostAsync("/baseline/predict", body);

        Assert.Equal(await baseline.Content.ReadAsStringAsync(), await pipeline.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"features": {"engines": "two", "passenger_capacity": 4, "crew": 2, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 90}}""",
        "$.features.engines", "could not be converted")]
    [InlineData("""{"features": {"engines": 2, "passenger_capacity": 4, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 90}}""",
        "$.features", "'crew'")]
    [InlineData("""{"features": {"engines": 2, "passenger_capacity": 4, "crew": 2, "warp_drive": true, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 90}}""",
        "$.features.warp_drive", "'warp_drive'")]
    [InlineData("""{"shuttle": {}}""", "$.shuttle", "takes 'features'")]
    [InlineData("""{}""", "$.features", "required")]
    [InlineData("""{"features": null}""", "$.features", "must not be null")]
    [InlineData("""{"features": {"engines": 2""", "$.features", "invalid end of a number")]
    [InlineData("""{"features": {"engines": 2, "passenger_capacity": 4, "crew": 2, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 90}""",
        "$", "not valid JSON")]
    [InlineData("", "$", "the body is empty")]
    public async Task MalformedBody_Is400_NamingTheField(string body, string field, string problem)
    {
        using var response = await PostAsync("/predict", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = json.RootElement.GetProperty("errors");
        var message = Assert.Single(errors.GetProperty(field).EnumerateArray()).GetString();
        Assert.Contains(problem, message, StringComparison.Ordinal);
        Assert.StartsWith(field + ": ", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Run-Id")), json.RootElement.GetProperty("runId").GetString());
    }

    [Fact]
    public async Task BodyThatIsNotJson_Is415()
    {
        using var request = Request("/predict", "engines=2", "text/plain", ApiFixture.ApiKey);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model_options.test_size=0.3", HttpStatusCode.OK, null)]
    [InlineData("model_options.test_size=lots", HttpStatusCode.BadRequest, "model_options.test_size")]
    [InlineData("model_options.warp=1", HttpStatusCode.BadRequest, "model_options.warp")]
    public async Task QueryString_OverridesParameters_AndNamesABadPath(string query, HttpStatusCode status, string? field)
    {
        using var response = await PostAsync("/predict?" + query, SampleProject.Body(engines: 1));

        Assert.Equal(status, response.StatusCode);
        if (field is not null)
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _), json.RootElement.ToString());
        }
    }

    [Theory]
    [InlineData("/predict", null)]
    [InlineData("/predict", "wrong-key")]
    [InlineData("/baseline/predict", null)]
    public async Task WithoutTheApiKey_Is401(string path, string? key)
    {
        using var request = Request(path, SampleProject.Body(engines: 2), "application/json", key);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Run-Id"), "nothing ran");
    }

    [Fact]
    public async Task ConcurrentRequests_EachGetTheirOwnPrice_AndRunId()
    {
        const int count = 64;
        var engines = Enumerable.Range(0, count).Select(i => (double)i).ToArray();

        var responses = await Task.WhenAll(engines.Select(async e =>
        {
            using var response = await PostAsync("/predict", SampleProject.Body(engines: e, crew: e % 5));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (Engines: e, Price: json.RootElement.GetProperty("price").GetDouble(), RunId: response.Headers.GetValues("X-Run-Id").Single());
        }));

        foreach (var (e, price, _) in responses)
        {
            Assert.Equal(SampleProject.Price(e, 4, e % 5, 1, 0, 1, 0.9, 90), price, precision: 9);
        }

        Assert.Equal(count, responses.Select(r => r.Price).Distinct().Count());
        Assert.Equal(count, responses.Select(r => r.RunId).Distinct().Count());
    }

    [Fact]
    public async Task Health_IsHealthy_OnceTheRegressorIsPreloaded()
    {
        using var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body) => _client.SendAsync(Request(path, body, "application/json", ApiFixture.ApiKey));

    private static HttpRequestMessage Request(string path, string body, string contentType, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        return request;
    }
}
