using Spaceflights.Model;

namespace Spaceflights.Api;

/// <summary>The body of <c>POST /baseline/predict</c>: the same as <c>/predict</c>'s.</summary>
/// <param name="Features">The shuttle.</param>
public sealed record BaselineRequest(ShuttleFeatures Features);
