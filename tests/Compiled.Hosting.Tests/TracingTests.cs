using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Xunit;

namespace Compiled.Hosting.Tests;

/// <summary>A request to <c>/predict</c> is traced: a run span and, inside it, a span per node, tagged with the run id.</summary>
public sealed class TracingTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new();

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task Predict_IsARunSpanWithANodeSpanInside_TaggedWithTheRunId()
    {
        _listener.ShouldListenTo = source => source.Name == TracingHook.ActivitySourceName;
        _listener.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict")
        {
            Content = new StringContent(SampleProject.Body(engines: 2), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", ApiFixture.ApiKey);

        using var response = await fixture.Api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var runId = response.Headers.GetValues("X-Run-Id").Single();
        var spans = _stopped.Where(a => (string?)a.GetTagItem(TracingHook.RunIdTag) == runId).ToList();
        var run = Assert.Single(spans, s => s.DisplayName == "run predict");
        var node = Assert.Single(spans, s => s.DisplayName == "node predict");
        Assert.Equal("predict", run.GetTagItem(TracingHook.PipelineTag));
        Assert.Equal("predict", node.GetTagItem(TracingHook.NodeTag));
        Assert.Equal(run.SpanId, node.ParentSpanId);
        Assert.Equal(run.TraceId, node.TraceId);
        Assert.Equal(ActivityStatusCode.Unset, run.Status);
    }
}
