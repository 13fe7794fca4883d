using System.Diagnostics;

namespace Compiled;

/// <summary>
/// Traces runs through an <see cref="ActivitySource"/> named <see cref="ActivitySourceName"/>: one span per
/// run (<c>run {pipeline}</c>) and, inside it, one per node (<c>node {node}</c>), children of whatever span
/// is current when the run starts (an HTTP request's, for example). Tags follow OpenTelemetry's conventions:
/// <c>compiled.pipeline.name</c>, <c>compiled.run.id</c>, <c>compiled.node.name</c>; a failed span has status
/// Error, <c>error.type</c> and an exception event. Subscribe with OpenTelemetry's
/// <c>AddSource("Compiled")</c> or any <see cref="ActivityListener"/>; with no listener a run pays one check per span.
/// </summary>
public sealed class TracingHook : PipelineHook
{
    /// <summary>The name of the activity source: <c>Compiled</c>.</summary>
    public const string ActivitySourceName = "Compiled";

    /// <summary>The tag holding the pipeline's name.</summary>
    public const string PipelineTag = "compiled.pipeline.name";

    /// <summary>The tag holding the run id.</summary>
    public const string RunIdTag = "compiled.run.id";

    /// <summary>The tag holding the node's name (node spans only).</summary>
    public const string NodeTag = "compiled.node.name";

    private static readonly ActivitySource Source = new(ActivitySourceName, typeof(TracingHook).Assembly.GetName().Version?.ToString());

    /// <inheritdoc />
    public override void BeforePipelineRun(in RunParams run)
    {
        if (!Source.HasListeners()) return;
        Source.StartActivity("run " + run.PipelineName, ActivityKind.Internal)?
            .SetTag(PipelineTag, run.PipelineName)
            .SetTag(RunIdTag, run.RunId);
    }

    /// <inheritdoc />
    public override void AfterPipelineRun(in RunParams run) => RunSpan(run)?.Stop();

    /// <inheritdoc />
    public override void OnPipelineError(in RunParams run, PipelineRunException error)
    {
        if (RunSpan(run) is { } span) Fail(span, error.InnerException ?? error);
    }

    /// <inheritdoc />
    public override void BeforeNodeRun(in RunParams run, string node)
    {
        if (!Source.HasListeners()) return;
        Source.StartActivity("node " + node, ActivityKind.Internal)?
            .SetTag(PipelineTag, run.PipelineName)
            .SetTag(NodeTag, node)
            .SetTag(RunIdTag, run.RunId);
    }

    /// <inheritdoc />
    public override void AfterNodeRun(in RunParams run, string node) => NodeSpan(node)?.Stop();

    /// <inheritdoc />
    public override void OnNodeError(in RunParams run, string node, Exception error)
    {
        if (NodeSpan(node) is { } span) Fail(span, error);
    }

    /// <summary>
    /// Ends, with status Error, the spans of this source that a cancelled run left open above
    /// <paramref name="parent"/> (cancellation reaches no hook). Call it where the run was awaited, with the
    /// span that was current before the run.
    /// </summary>
    /// <param name="parent">The span that was current when the run started (null for none).</param>
    public static void EndCancelledSpans(Activity? parent)
    {
        while (Activity.Current is { } current && current != parent && current.Source == Source)
        {
            current.SetStatus(ActivityStatusCode.Error, "cancelled");
            current.Stop();
        }
    }

    private static Activity? RunSpan(in RunParams run) =>
        Activity.Current is { } current && current.Source == Source && current.GetTagItem(NodeTag) is null
            && current.GetTagItem(PipelineTag) is string pipeline && pipeline == run.PipelineName
            ? current
            : null;

    private static Activity? NodeSpan(string node) =>
        Activity.Current is { } current && current.Source == Source && current.GetTagItem(NodeTag) is string name && name == node
            ? current
            : null;

    private static void Fail(Activity span, Exception error)
    {
        span.SetStatus(ActivityStatusCode.Error, error.Message);
        span.SetTag("error.type", error.GetType().FullName);
        span.AddException(error);
        span.Stop();
    }
}
