using Compiled;
using Spaceflights.Model;

namespace Spaceflights;

/// <summary>Serving: price one shuttle with the trained regressor.</summary>
public static class Inference
{
    /// <summary>Predicts the price of the shuttle described by <paramref name="features"/>.</summary>
    /// <param name="regressor">The trained model (an artifact: loaded once per session, shared by runs).</param>
    /// <param name="features">The shuttle, given by the caller of each run.</param>
    [Node(Output = "price")]
    public static double Predict(Regressor regressor, ShuttleFeatures features)
    {
        Span<double> x = stackalloc double[regressor.Features.Length];
        for (var i = 0; i < x.Length; i++) x[i] = features.Get(regressor.Features[i]);
        return regressor.Predict(x);
    }
}
