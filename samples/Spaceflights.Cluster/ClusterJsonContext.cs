using System.Text.Json.Serialization;
using Spaceflights.Model;

namespace Spaceflights.Cluster;

/// <summary>
/// Source-generated JSON metadata for what crosses the wire between the client and the silos: the predict pipeline's runtime
/// input and output, data_science's metrics, the project's parameters record (generated in the Spaceflights project, so it
/// can be listed here), and the regressor the silos' json dataset loads.
/// </summary>
[JsonSerializable(typeof(ShuttleFeatures))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(Metrics))]
[JsonSerializable(typeof(Regressor))]
[JsonSerializable(typeof(SpaceflightsParameters))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
