using System.Text.Json.Serialization;
using Spaceflights.Model;

namespace Spaceflights.Cluster;

/// <summary>
/// Source-generated JSON metadata for what crosses the wire between the client and the silos: data_processing's model input
/// table, the predict pipeline's runtime input and output, data_science's metrics, the <c>model_options</c> record a
/// <c>[Param]</c> binds (the parameters record writes itself, its other values are scalars), and the regressor the silos'
/// json dataset loads.
/// </summary>
[JsonSerializable(typeof(ModelInputRow[]))]
[JsonSerializable(typeof(ShuttleFeatures))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(Metrics))]
[JsonSerializable(typeof(ModelOptions))]
[JsonSerializable(typeof(Regressor))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
