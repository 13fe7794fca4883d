using Compiled;

namespace Shop.Orders;

/// <summary>A row of <c>data/01_raw/orders.csv</c>.</summary>
public sealed record OrderRow
{
    public string Product { get; set; } = "";
    public int Quantity { get; set; }
    public double UnitPrice { get; set; }
}

/// <summary>The <c>order_summary</c> output.</summary>
public sealed record OrderSummary(int Orders, double Total);

public static class OrderNodes
{
    [Node(Output = "bulk_orders")]
    public static OrderRow[] KeepBulkOrders(OrderRow[] orders, [Param("pricing.min_quantity")] int minQuantity) =>
        orders.Where(order => order.Quantity >= minQuantity).ToArray();

    [Node(Output = "order_summary")]
    public static OrderSummary Summarize([Input("bulk_orders")] OrderRow[] orders, [Param("pricing.tax_rate")] double taxRate) =>
        new(orders.Length, orders.Sum(order => order.Quantity * order.UnitPrice) * (1 + taxRate));
}

[Pipeline(typeof(OrderNodes))]
public sealed partial class OrdersPipeline;
