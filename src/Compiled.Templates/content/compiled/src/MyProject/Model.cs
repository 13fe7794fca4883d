namespace MyNamespace;

/// <summary>A row of data/01_raw/products.csv.</summary>
public sealed class ProductRow
{
    /// <summary>The product's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the product costs us.</summary>
    public decimal Cost { get; set; }
}

/// <summary>The selling price of each product: the artifact the quote pipeline keeps in memory.</summary>
/// <param name="Prices">Product name to selling price.</param>
public sealed record PriceList(Dictionary<string, decimal> Prices);

/// <summary>An order to quote: the quote pipeline's runtime input.</summary>
/// <param name="Product">The product's name.</param>
/// <param name="Quantity">How many.</param>
public sealed record Order(string Product, int Quantity);

/// <summary>What an order costs.</summary>
/// <param name="Product">The product's name.</param>
/// <param name="Total">The price of the order.</param>
public sealed record Quote(string Product, decimal Total);
