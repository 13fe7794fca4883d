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
        "$.features.crew", "required; the object has no property 'crew'")]
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

    [Theory]
    [InlineData("1e400", "$.features.engines")]
    [InlineData("-1e400", "$.features.engines")]
    [InlineData("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", "$.features.engines")]
    public async Task OutOfRangeNumber_Is400_NamingTheField(string engines, string field)
    {
        var body = SampleProject.Body(engines: 2).Replace("\"engines\": 2", $"\"engines\": {engines}", StringComparison.Ordinal);

        using var response = await PostAsync("/predict", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = Assert.Single(json.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString();
        Assert.Contains("out of range", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"features": []}""", "$.features", "expected an object")]
    [InlineData("""{"features": "shuttle"}""", "$.features", "expected an object")]
    [InlineData("""{"features": 7}""", "$.features", "expected an object")]
    [InlineData("""{"features": {"engines": "two", "passenger_capacity": 4, "crew": 2, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 90}}""",
        "$.features.engines", "expected a number")]
    [InlineData("""{"features": {"engines": 2, "passenger_capacity": 4, "crew": 2, "d_check_complete": "yes", "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 90}}""",
        "$.features.d_check_complete", "expected true or false")]
    [InlineData("""{"features": {"engines": null, "passenger_capacity": 4, "crew": 2, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 90}}""",
        "$.features.engines", "must not be null; expected a number")]
    [InlineData("""{"features": {"engines": 2, "passengerCapacity": 4, "crew": 2, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 90}}""",
        "$.features.passengerCapacity", "unknown property 'passengerCapacity'; expected only 'engines', 'passenger_capacity', 'crew'")]
    [InlineData("""{"features": {"engines": 2, "engines": 3, "passenger_capacity": 4, "crew": 2, "d_check_complete": true, "moon_clearance_complete": false, "iata_approved": true, "company_rating": 0.9, "review_scores_rating": 90}}""",
        "$.features.engines", "given twice")]
    [InlineData("""{"features": null}""", "$.features", "must not be null; expected an object")]
    public async Task BadValue_Is400_SayingWhatJsonIsExpected_WithoutDotNetTypeNames(string body, string field, string problem)
    {
        using var response = await PostAsync("/predict", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var message = Assert.Single(json.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString();
        Assert.Contains(problem, message, StringComparison.Ordinal);
        foreach (var clrName in new[] { "Spaceflights", "ShuttleFeatures", "System.", "Double", "Boolean", ".NET" })
        {
            Assert.DoesNotContain(clrName, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownPropertyWithAnOddName_Is400_WithoutRepeatingTheName()
    {
        var body = SampleProject.Body(engines: 2).Replace("\"crew\"", "\"crew\": 2, \"<img src=x onerror=alert(1)>\"", StringComparison.Ordinal);

        using var response = await PostAsync("/predict", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var message = Assert.Single(json.RootElement.GetProperty("errors").GetProperty("$.features").EnumerateArray()).GetString();
        Assert.Contains("unknown property", message, StringComparison.Ordinal);
        Assert.DoesNotContain("img", text, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", fixture.Api.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyThatIsNotJson_Is415_WithoutRepeatingTheClientsContentType()
    {
        using var request = Request("/predict", "engines=2", "text/x-injected-marker", ApiFixture.ApiKey);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("application/json", text, StringComparison.Ordinal);
        Assert.DoesNotContain("injected-marker", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("model_options.test_size=0.3", "model_options.test_size")]
    [InlineData("model_options.warp=1", "model_options.warp")]
    public async Task QueryString_OverridesNoParameter_ByDefault(string query, string field)
    {
        using var response = await PostAsync("/predict?" + query, SampleProject.Body(engines: 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = Assert.Single(json.RootElement.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString();
        Assert.Contains("this endpoint allows no parameter overrides", message, StringComparison.Ordinal);
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
    public async Task Health_IsHealthy_AndReportsTheEnvironmentAndTheRegressor()
    {
        using var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var check = json.RootElement.GetProperty("checks").GetProperty("compiled:SpaceflightsSession");
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        Assert.Equal("local", check.GetProperty("data").GetProperty("environment").GetString());
        Assert.Equal("""{"regressor":"loaded"}""", check.GetProperty("data").GetProperty("artifacts").GetRawText());
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
