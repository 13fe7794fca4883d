using Compiled;

namespace Spaceflights.Api;

/// <summary>
/// The Spaceflights project's <c>predict</c> pipeline, as the API serves it: one shuttle's features in, its predicted
/// price out; the regressor is an artifact, loaded once per session (at startup, by the hosting).
/// </summary>
[Pipeline(typeof(Inference), Inputs = ["features"], Artifacts = ["regressor"])]
public sealed partial class PredictPipeline;
