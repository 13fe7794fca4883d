using System.Net;
using System.Text;
using System.Text.Json;
using Compiled.Datasets;
using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>What the API does when the model is missing or broken: it does not start, or it answers 500 with the run id.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task MissingRegressor_StopsTheApplicationAtStartup_NamingTheDataset()
    {
        using var project = SampleProject.Create(withRegressor: false);

        var exception = await Assert.ThrowsAsync<DatasetException>(() => RunningApi.StartAsync(project.Path));

        Assert.Equal("regressor", exception.DatasetName);
    }

    [Fact]
    public async Task NodeFailure_Is500_WithTheRunIdAndTheNode()
    {
        // Three coefficients for eight features: the predict node throws.
        using var project = SampleProject.Create(coefficients: [1, 2, 3]);
        await using var api = await RunningApi.StartAsync(project.Path);

        using var response = await api.Client.PostAsync("/predict",
            new StringContent(SampleProject.Body(engines: 2), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var runId = Assert.Single(response.Headers.GetValues("X-Run-Id"));
        Assert.Equal(runId, json.RootElement.GetProperty("runId").GetString());
        Assert.Equal("predict", json.RootElement.GetProperty("node").GetString());
        Assert.Equal($"Node 'predict' of pipeline 'predict' failed (run {runId}).", json.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("coefficients", json.RootElement.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
