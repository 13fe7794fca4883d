using System.Text.Json.Serialization;
using Spaceflights.Model;

namespace Spaceflights.Api;

/// <summary>
/// Source-generated JSON metadata, so that nothing is serialized by reflection (native AOT): the predict
/// pipeline's runtime input, the regressor the <c>json</c> dataset loads, and the baseline endpoint's body and answer.
/// </summary>
[JsonSerializable(typeof(ShuttleFeatures))]
[JsonSerializable(typeof(Regressor))]
[JsonSerializable(typeof(BaselineRequest))]
[JsonSerializable(typeof(BaselineResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
