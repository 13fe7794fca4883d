using System.Runtime.CompilerServices;
using Compiled;

namespace Compiled.Benchmarks.Serving;

// The shape users put on a hot path: one runtime input (the request's features), a preloaded artifact (the model) and a
// [Param], in one node or three. Bodies are trivial and allocate nothing, so that the benchmark measures the framework.
// Like every benchmark node (Chains/, Spaceflights/), each is [MethodImpl(NoInlining)]: a real node is a real call, in the
// hand-written baseline as in the generated Run. ServingBenchmarks also times the same arithmetic inlined (InlinedPredict).

/// <summary>A request's features (a value type: a run allocates nothing).</summary>
public readonly record struct ServingFeatures(double Engines, double Crew, double Rating);

/// <summary>The model, loaded once per session.</summary>
public sealed record ServingModel(double Intercept, double Engines, double Crew, double Rating);

/// <summary>The one-node serving pipeline's node.</summary>
public static class ServingOneNode
{
    /// <summary>The model's price for the features, scaled.</summary>
    [Node(Name = "predict_scaled", Output = "price")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double Predict(
        [Input("features")] ServingFeatures features, [Input("serving_model")] ServingModel model, [Param("serving.scale")] double scale) =>
        scale * (model.Intercept + model.Engines * features.Engines + model.Crew * features.Crew + model.Rating * features.Rating);
}

/// <summary>The one-node pipeline's arithmetic as a plain method the JIT inlines whole: the hand-written call at its cheapest.</summary>
public static class InlinedPredict
{
    /// <summary>The same as <see cref="ServingOneNode.Predict"/>, inlinable.</summary>
    public static double Predict(ServingFeatures features, ServingModel model, double scale) =>
        scale * (model.Intercept + model.Engines * features.Engines + model.Crew * features.Crew + model.Rating * features.Rating);
}

/// <summary>The three-node serving pipeline's nodes: normalize, predict, round.</summary>
public static class ServingThreeNodes
{
    /// <summary>The features with the rating scaled into [0, 1].</summary>
    [Node(Output = "normalized")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ServingFeatures Normalize([Input("features")] ServingFeatures features, [Param("serving.rating_max")] double ratingMax) =>
        features with { Rating = features.Rating / ratingMax };

    /// <summary>The model's price for the normalized features.</summary>
    [Node(Output = "raw_price")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double Predict(ServingFeatures normalized, [Input("serving_model")] ServingModel model) =>
        model.Intercept + model.Engines * normalized.Engines + model.Crew * normalized.Crew + model.Rating * normalized.Rating;

    /// <summary>The price scaled and rounded to cents.</summary>
    [Node(Output = "price")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double Round(double rawPrice, [Param("serving.scale")] double scale) => Math.Round(rawPrice * scale, 2);
}

/// <summary>One node: runtime input + artifact + [Param].</summary>
[Pipeline(typeof(ServingOneNode), Name = "serving_one", Inputs = ["features"], Artifacts = ["serving_model"])]
public sealed partial class ServingOnePipeline;

/// <summary>Three nodes of the same shape.</summary>
[Pipeline(typeof(ServingThreeNodes), Name = "serving_three", Inputs = ["features"], Artifacts = ["serving_model"])]
public sealed partial class ServingThreePipeline;

/// <summary>The one-node pipeline with <c>AttributeFailures = false</c>: its hot <c>Run</c> has no try region.</summary>
[Pipeline(typeof(ServingOnePipeline), Name = "serving_one_unattributed", Inputs = ["features"], Artifacts = ["serving_model"], AttributeFailures = false)]
public sealed partial class ServingOneUnattributedPipeline;

/// <summary>The three-node pipeline with <c>AttributeFailures = false</c>: no try region and no step counter.</summary>
[Pipeline(typeof(ServingThreePipeline), Name = "serving_three_unattributed", Inputs = ["features"], Artifacts = ["serving_model"], AttributeFailures = false)]
public sealed partial class ServingThreeUnattributedPipeline;
