using Compiled;

namespace Orders;

/// <summary>Prices a region's orders and summarises them.</summary>
public static class Pricing
{
    [Node(Output = "priced_orders")]
    public static PricedOrder[] PriceOrders(OrderRow[] orders, PriceTable priceTable, [Param("pricing")] PricingOptions pricing) =>
        orders.Select(o => new PricedOrder(o.Id, o.Product, Math.Max(pricing.Minimum, priceTable.Prices[o.Product] * o.Quantity * (1 - pricing.Discount)))).ToArray();

    [Node(Output = "summary")]
    public static Summary Summarize(PricedOrder[] pricedOrders, [Param("pricing.currency")] string currency) =>
        new(pricedOrders.Length, pricedOrders.Sum(o => o.Total), currency);
}

/// <summary>Quotes one request against the shared price table.</summary>
public static class Quoting
{
    [Node(Output = "quote")]
    public static double Quote(PriceTable priceTable, QuoteRequest request, [Param("pricing.discount")] double discount)
    {
        if (request.Quantity < 0) throw new ArgumentOutOfRangeException(nameof(request), "Quantity must not be negative.");
        return priceTable.Prices[request.Product] * request.Quantity * (1 - discount);
    }

    [Node(Output = "quote_text")]
    public static string Format(double quote, [Param("pricing.currency")] string currency)
    {
        // ISO 4217's code for "no currency": lets the tests fail the pipeline's second node.
        if (currency == "XXX") throw new ArgumentException("XXX is no currency: set pricing.currency.", nameof(currency));
        return quote.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " " + currency;
    }
}

/// <summary>Reads the audit log (broken in the prod environment's catalog).</summary>
public static class Audit
{
    [Node(Output = "audit_lines")]
    public static int CountLines([Input("audit_log")] string log) => log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}

/// <summary>Writes to memory only, for the warehouse.</summary>
public static class Stock
{
    [Node(Output = "restock")]
    public static int Restock(int warehouse) => warehouse * 2;
}

/// <summary>Writes reports through the "{name}_report" dataset factory.</summary>
public static class Reporting
{
    [Node(Output = "orders_report")]
    public static string Report([Input("audit_log")] string log) => $"{log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length} audit lines";
}

/// <summary>Reads a project-defined dataset type.</summary>
public static class Counting
{
    [Node(Output = "count_report")]
    public static string ReportLineCount([Input("audit_line_count")] int lines) => $"{lines} lines";
}

/// <summary>Counts one customer's orders (a catalog path with a required runtime value).</summary>
public static class Customers
{
    [Node(Output = "customer_order_count")]
    public static int CountOrders([Input("customer_orders")] OrderRow[] orders) => orders.Length;
}

/// <summary>Logs an export to a file, then saves the orders to a database whose credentials come from conf/&lt;env&gt;/credentials.yml.</summary>
public static class Export
{
    [Node(Output = "export_log")]
    public static string LogExport(OrderRow[] orders) => $"exporting {orders.Length} orders\n";

    [Node(Output = "exported_orders")]
    public static OrderRow[] ExportOrders(OrderRow[] orders, string exportLog) => exportLog.Length > 0 ? orders : [];
}

/// <summary>Scores a request with the session's model (an artifact of the project's own dataset type).</summary>
public static class Scoring
{
    [Node(Output = "score")]
    public static double Score(ScoringModel scoringModel, [Input("score_request")] double value) => scoringModel.Weight * value;
}
