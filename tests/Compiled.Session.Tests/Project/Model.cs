namespace Orders;

/// <summary>A row of data/&lt;region&gt;/orders.csv.</summary>
public sealed class OrderRow
{
    public int Id { get; set; }
    public string Product { get; set; } = "";
    public int Quantity { get; set; }
}

/// <summary>Unit prices by product.</summary>
public sealed record PriceTable(Dictionary<string, double> Prices);

/// <summary>An order with its price.</summary>
public sealed record PricedOrder(int Id, string Product, double Total);

/// <summary>What the pricing pipeline saves.</summary>
public sealed record Summary(int Orders, double Total, string Currency);

/// <summary>A request to quote one product.</summary>
public sealed record QuoteRequest(string Product, int Quantity);

/// <summary>The <c>pricing</c> parameters.</summary>
public sealed record PricingOptions(double Discount, string Currency, int Minimum);
