using Xunit;

namespace Orders.Tests;

/// <summary>
/// The hot body of a synchronous <c>Run</c> (no hooks, a token that cannot be cancelled) reads the session's parameter
/// values from fields the pipeline sets when the session creates it (issue #16). Those are the values after the
/// environment's overrides, a run given parameters of its own uses those, and such a run changes nothing for the next.
/// </summary>
public sealed class ParameterFieldTests : IDisposable
{
    private static readonly QuoteRequest Widget = new("widget", 1); // 10.00 before the discount

    private readonly ProjectDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_hot_run_uses_the_environments_values()
    {
        var local = _project.CreateSession("local"); // currency CHF, discount 0.1 from base
        var prod = _project.CreateSession("prod");   // currency EUR from base, discount 0.25; its price table has 20.00

        Assert.Equal("9.00 CHF", local.Quote.Run(Widget).QuoteText);
        Assert.Equal("9.00 CHF", local.QuoteUnattributed.Run(Widget).QuoteText);
        Assert.Equal("15.00 EUR", prod.Quote.Run(Widget).QuoteText);
        Assert.Equal("15.00 EUR", prod.QuoteUnattributed.Run(Widget).QuoteText);
    }

    [Fact]
    public void A_runs_own_parameters_win_and_do_not_stay()
    {
        var session = _project.CreateSession("local");
        var own = session.Parameters.WithOverrides("pricing.discount=0.5", "pricing.currency=USD");

        Assert.Equal("5.00 USD", session.Quote.Run(Widget, parameters: own).QuoteText);
        Assert.Equal("5.00 USD", session.QuoteUnattributed.Run(Widget, parameters: own).QuoteText);
        Assert.Equal("9.00 CHF", session.Quote.Run(Widget).QuoteText);
        Assert.Equal("9.00 CHF", session.QuoteUnattributed.Run(Widget).QuoteText);
    }

    [Fact]
    public async Task The_hot_and_the_observed_body_agree()
    {
        var plain = _project.CreateSession("local");
        var hooked = _project.CreateSession("local", new RecordingHook());
        using var cancellation = new CancellationTokenSource();

        Assert.Equal(plain.Quote.Run(Widget).QuoteText, hooked.Quote.Run(Widget).QuoteText);
        Assert.Equal(plain.Quote.Run(Widget).QuoteText, plain.Quote.Run(Widget, cancellationToken: cancellation.Token).QuoteText);
        Assert.Equal(plain.Quote.Run(Widget).QuoteText, (await plain.Quote.RunAsync(Widget)).QuoteText);
    }
}
