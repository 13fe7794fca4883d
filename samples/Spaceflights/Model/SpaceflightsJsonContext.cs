using System.Text.Json.Serialization;

namespace Spaceflights.Model;

/// <summary>
/// Source-generated System.Text.Json metadata for the catalog's <c>json</c> datasets (<c>regressor</c>,
/// <c>metrics</c>). Passed as <see cref="Compiled.SessionOptions.JsonTypeInfoResolver"/>, it replaces
/// reflection-based serialization, which a native AOT build of this program does not have.
/// </summary>
[JsonSerializable(typeof(Regressor))]
[JsonSerializable(typeof(Metrics))]
internal sealed partial class SpaceflightsJsonContext : JsonSerializerContext;
