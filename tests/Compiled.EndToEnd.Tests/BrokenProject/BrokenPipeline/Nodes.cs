using Compiled;

namespace BrokenPipeline;

public sealed record Customer(string Name);

public sealed class OrderRow
{
    public string Customer { get; set; } = "";
    public double Amount { get; set; }
}

/// <summary>One deliberate error (see ../README.md): the rest of the project, and the code calling it, is sound.</summary>
public static class Quoting
{
    // CPL0001: 'discuont' is misspelled; the pipeline cannot be generated, but its Run keeps its signature.
    [Node(Output = "quote")]
    public static double Quote(
        Customer customer,
        OrderRow[] orders,
        [Input("discuont")] double discount,
        [Param("pricing.margin")] double margin) =>
        orders.Where(o => o.Customer == customer.Name).Sum(o => o.Amount) * (1 + margin) - discount;
}

[Pipeline(typeof(Quoting), Inputs = ["customer"])]
public sealed partial class QuotePipeline;

/// <summary>Code that uses the broken pipeline, the catalog and the parameters: it must compile, so only CPL0001 shows.</summary>
public static class Caller
{
    public static double Price(BrokenPipelineSession session) =>
        session.Quote.Run(new Customer("ada"), region: "eu", inputs: new QuotePipeline.Inputs { Orders = [] }).Quote;

    public static async Task<double> PriceAsync(BrokenPipelineSession session) =>
        (await session.Quote.RunAsync(new Customer("ada"), "eu", parameters: session.Parameters)).Quote;

    public static double Margin(BrokenPipelineSession session) => session.Parameters.Pricing.Margin;
}
