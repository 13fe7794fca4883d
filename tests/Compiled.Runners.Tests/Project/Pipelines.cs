using Compiled;

namespace Runs;

[Pipeline(typeof(Variance))]
public sealed partial class VariancePipeline;

/// <summary>
/// Kedro's modular pipeline: the same nodes twice, under two namespaces. Both read the shared 'table' (listed in
/// Inputs, so not prefixed); the active instance's parameter is 'active.ratio' (prefixed); the candidate renames its
/// 'model' output and its 'ratio' parameter, and tags its nodes.
/// </summary>
[Pipeline(Name = "modelling")]
[Include(typeof(Modelling), Namespace = "active", Inputs = ["table"])]
[Include(typeof(Modelling), Namespace = "candidate", Inputs = ["table"], Outputs = ["model=candidate_model"], Parameters = ["ratio=shared_ratio"], Tags = ["candidate"])]
public sealed partial class ModellingPipeline;

/// <summary>The modular pipeline inside another namespace: nested namespaces ('outer.active').</summary>
[Pipeline(Name = "nested")]
[Include(typeof(ModellingPipeline), Namespace = "outer", Inputs = ["table"])]
public sealed partial class NestedPipeline;

/// <summary>Kedro's __default__: composition of two pipelines.</summary>
[Pipeline(typeof(VariancePipeline), typeof(ModellingPipeline))]
public sealed partial class DefaultPipeline;

[Pipeline(typeof(Handshake))]
public sealed partial class HandshakePipeline;

[Pipeline(typeof(Wide))]
public sealed partial class WidePipeline;

[Pipeline(typeof(Twins))]
public sealed partial class TwinsPipeline;

[Pipeline(typeof(Slow))]
public sealed partial class SlowPipeline;

[Pipeline(typeof(Flaky))]
public sealed partial class FlakyPipeline;

[Pipeline(typeof(Lifetimes))]
public sealed partial class LifetimesPipeline;
