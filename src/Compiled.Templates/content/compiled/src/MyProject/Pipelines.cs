using Compiled;

namespace MyNamespace;

/// <summary>Builds the price list from the products (Kedro's default pipeline).</summary>
[Pipeline(typeof(Pricing))]
public sealed partial class DefaultPipeline;

/// <summary>Quotes an order given at run time, with the price list loaded once and kept (an artifact).</summary>
[Pipeline(typeof(Quoting), Inputs = ["order"], Artifacts = ["price_list"])]
public sealed partial class QuotePipeline;
