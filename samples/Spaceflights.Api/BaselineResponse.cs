namespace Spaceflights.Api;

/// <summary>The answer of <c>POST /baseline/predict</c>: the same as <c>/predict</c>'s.</summary>
/// <param name="Price">The predicted price.</param>
public sealed record BaselineResponse(double Price);
