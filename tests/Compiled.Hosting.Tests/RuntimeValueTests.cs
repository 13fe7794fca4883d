using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>
/// A <see cref="RuntimeValueException"/> (a catalog entry refusing a route value) is a 400 naming the route value, with
/// neither the value nor the catalog's message in the response — whether it reaches the endpoint as itself or as the
/// cause of a <see cref="PipelineRunException"/>. The sample's pipeline has no runtime value, so a hook throws it.
/// </summary>
public sealed class RuntimeValueTests
{
    private const string Rule = "Catalog entry 'regressor' refuses runtime value 'region': it must be one path segment.";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RefusedRuntimeValue_Is400_NamingTheRouteValue(bool inNode)
    {
        using var project = SampleProject.Create();
        await using var api = await RunningApi.StartAsync(project.Path, predict: null,
            services => services.AddSingleton<PipelineHook>(new RefusingHook(inNode)),
            "--Logging:LogLevel:Compiled.Hosting", "Information");

        using var response = await api.Client.PostAsync("/predict", new StringContent(SampleProject.Body(engines: 2), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var message = Assert.Single(json.RootElement.GetProperty("errors").GetProperty("region").EnumerateArray()).GetString();
        Assert.Equal("the route value 'region' is not one this endpoint accepts.", message);
        Assert.DoesNotContain("regressor", text, StringComparison.Ordinal);
        Assert.DoesNotContain("path segment", text, StringComparison.Ordinal);
        Assert.Contains("does not accept the route value 'region': " + Rule, api.Log.Text, StringComparison.Ordinal);
    }

    /// <summary>Throws what the catalog throws for a refused runtime value: before the pipeline runs, or inside its node.</summary>
    private sealed class RefusingHook(bool inNode) : PipelineHook
    {
        public override void BeforePipelineRun(in RunParams run)
        {
            if (!inNode) throw new RuntimeValueException("regressor", "region", Rule);
        }

        public override void BeforeNodeRun(in RunParams run, string node)
        {
            if (inNode) throw new RuntimeValueException("regressor", "region", Rule);
        }
    }
}
