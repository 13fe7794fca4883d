using System.Text.Json.Serialization;

namespace Spaceflights.Model;

/// <summary>
/// A linear regression model: <c>price ≈ Intercept + Σ Coefficients[i] · x[i]</c>, where
/// <c>x[i]</c> is the value of <see cref="Features"/>[i]. Serializable with System.Text.Json.
/// </summary>
public sealed record Regressor
{
    /// <summary>The names of the features (model input table columns) the coefficients apply to, in order.</summary>
    [JsonPropertyName("features")]
    public required string[] Features { get; init; }

    /// <summary>The constant term.</summary>
    [JsonPropertyName("intercept")]
    public required double Intercept { get; init; }

    /// <summary>One coefficient per feature, in the order of <see cref="Features"/>.</summary>
    [JsonPropertyName("coefficients")]
    public required double[] Coefficients { get; init; }

    /// <summary>Predicts the price for one row of feature values, in the order of <see cref="Features"/>.</summary>
    /// <param name="x">The feature values; as many as there are coefficients.</param>
    /// <returns>The predicted price.</returns>
    /// <exception cref="ArgumentException"><paramref name="x"/> does not have one value per coefficient.</exception>
    public double Predict(ReadOnlySpan<double> x)
    {
        if (x.Length != Coefficients.Length)
        {
            throw new ArgumentException(
                $"The model takes {Coefficients.Length} feature values ({string.Join(", ", Features)}), not {x.Length}.",
                nameof(x));
        }

        double y = Intercept;
        for (int i = 0; i < x.Length; i++)
        {
            y += Coefficients[i] * x[i];
        }

        return y;
    }
}
