using Compiled;

namespace MyNamespace;

/// <summary>The nodes of the default pipeline: plain static methods. Inputs bind by name (snake_case of the parameter, or [Input]).</summary>
public static class Pricing
{
    /// <summary>Prices every product at its cost plus the markup of conf/base/parameters.yml.</summary>
    [Node(Output = "price_list")]
    public static PriceList BuildPriceList(ProductRow[] products, [Param("pricing.markup")] decimal markup) =>
        new(products.ToDictionary(p => p.Name, p => decimal.Round(p.Cost * (1 + markup), 2)));
}
