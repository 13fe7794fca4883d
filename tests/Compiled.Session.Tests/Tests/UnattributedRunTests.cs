using Compiled;
using Xunit;

namespace Orders.Tests;

/// <summary>
/// <c>[Pipeline(AttributeFailures = false)]</c> (issue #16): a run without hooks and without a cancellable token lets a
/// node's exception through as the node threw it; a run with hooks or a cancellable token still names the node and the run.
/// </summary>
public sealed class UnattributedRunTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_successful_run_returns_what_the_attributed_pipeline_returns()
    {
        var session = _project.CreateSession();
        var request = new QuoteRequest("widget", 3);
        Assert.Equal(session.Quote.Run(request).QuoteText, session.QuoteUnattributed.Run(request).QuoteText);
    }

    [Fact]
    public void Without_hooks_the_node_exception_reaches_the_caller_unwrapped()
    {
        var session = _project.CreateSession();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => session.QuoteUnattributed.Run(new QuoteRequest("widget", -1)));

        Assert.Equal("request", error.ParamName);
        Assert.Contains(nameof(Quoting.Quote), error.StackTrace);
        // The default pipeline over the same nodes, same session, still names the node and the run.
        var attributed = Assert.Throws<PipelineRunException>(() => session.Quote.Run(new QuoteRequest("widget", -1), runId: "r1"));
        Assert.Equal("quote", attributed.NodeName);
        Assert.Equal("r1", attributed.RunId);
    }

    [Fact]
    public void With_hooks_the_failure_names_the_node_and_the_run_and_calls_the_error_hooks()
    {
        var hook = new RecordingHook();
        var session = _project.CreateSession(hooks: hook);

        var error = Assert.Throws<PipelineRunException>(() => session.QuoteUnattributed.Run(new QuoteRequest("widget", -1), runId: "hooked"));

        Assert.Equal("quote_unattributed", error.PipelineName);
        Assert.Equal("quote", error.NodeName);
        Assert.Equal("hooked", error.RunId);
        Assert.Equal(["quote", "format"], error.NotRun);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.Equal(["before_pipeline:quote_unattributed", "before_load:price_table", "after_load:price_table", "before_node:quote", "node_error:quote", "pipeline_error:quote"],
            hook.Events.ToArray());
    }

    [Fact]
    public void With_a_cancellable_token_the_failure_names_the_node_and_the_run()
    {
        var session = _project.CreateSession();
        using var cancellation = new CancellationTokenSource();

        var error = Assert.Throws<PipelineRunException>(() =>
            session.QuoteUnattributed.Run(new QuoteRequest("widget", -1), runId: "cancellable", cancellationToken: cancellation.Token));

        Assert.Equal("quote", error.NodeName);
        Assert.Equal("cancellable", error.RunId);
    }
}
