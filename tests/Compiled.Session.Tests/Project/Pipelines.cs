using Compiled;

namespace Orders;

[Pipeline(typeof(Pricing))]
public sealed partial class PricingPipeline;

[Pipeline(typeof(Quoting), Inputs = ["request"], Artifacts = ["price_table"])]
public sealed partial class QuotePipeline;

[Pipeline(typeof(Audit))]
public sealed partial class AuditPipeline;

[Pipeline(typeof(Stock))]
public sealed partial class StockPipeline;

[Pipeline(typeof(Reporting))]
public sealed partial class ReportingPipeline;

[Pipeline(typeof(Counting))]
public sealed partial class CountingPipeline;

[Pipeline(typeof(Customers))]
public sealed partial class CustomersPipeline;

[Pipeline(typeof(Export))]
public sealed partial class ExportPipeline;

[Pipeline(typeof(Scoring), Inputs = ["score_request"], Artifacts = ["scoring_model"])]
public sealed partial class ScoringPipeline;

[Pipeline(typeof(QuotePipeline), Name = "quote_unattributed", Inputs = ["request"], Artifacts = ["price_table"], AttributeFailures = false)]
public sealed partial class QuoteUnattributedPipeline;
