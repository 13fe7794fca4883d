using System.Globalization;
using Compiled;

namespace Tenants;

/// <summary>A row of the <c>orders</c> table.</summary>
public sealed class OrderRow
{
    /// <summary>The customer's name.</summary>
    public string Customer { get; set; } = "";

    /// <summary>The order's amount.</summary>
    public double Amount { get; set; }
}

/// <summary>The node of the Tenants test project: a one-line report of a customer's orders.</summary>
public static class CustomerReport
{
    /// <summary>How many orders, and their total.</summary>
    [Node(Output = "customer_report")]
    public static string Summarize([Input("customer_orders")] OrderRow[] orders) =>
        string.Create(CultureInfo.InvariantCulture, $"{orders.Length} orders, {orders.Sum(o => o.Amount)} in all");
}

/// <summary>Reads a customer's orders (route value <c>customer</c>) and saves the report under <c>region</c>.</summary>
[Pipeline(typeof(CustomerReport))]
public sealed partial class CustomerReportPipeline;
