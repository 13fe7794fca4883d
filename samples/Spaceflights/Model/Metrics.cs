using System.Text.Json.Serialization;

namespace Spaceflights.Model;

/// <summary>How well the regressor predicts the held-out prices (<c>metrics</c>).</summary>
public sealed record Metrics
{
    /// <summary>The coefficient of determination R², 1 − SS_res / SS_tot.</summary>
    [JsonPropertyName("r2_score")]
    public double R2Score { get; init; }

    /// <summary>The mean absolute error of the predicted prices.</summary>
    [JsonPropertyName("mae")]
    public double MeanAbsoluteError { get; init; }

    /// <summary>The largest absolute error of a predicted price.</summary>
    [JsonPropertyName("max_error")]
    public double MaxError { get; init; }
}
