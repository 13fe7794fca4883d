using Compiled;

namespace MyNamespace;

/// <summary>The nodes of the quote pipeline.</summary>
public static class Quoting
{
    /// <summary>Quotes one order from the price list.</summary>
    [Node(Output = "quote")]
    public static Quote QuoteOrder(PriceList priceList, Order order) =>
        priceList.Prices.TryGetValue(order.Product, out var price)
            ? new Quote(order.Product, price * order.Quantity)
            : throw new ArgumentException($"There is no product '{order.Product}' in the price list.", nameof(order));
}
