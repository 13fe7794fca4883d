using System.Text.Json.Serialization;
using Spaceflights.Model;

namespace Compiled.Benchmarks.Cluster;

/// <summary>
/// Source-generated JSON metadata for the Spaceflights silos and their client: data_processing's model input table and
/// data_science's metrics and the model_options parameters' record, which cross the wire, and the regressor the catalog's json dataset saves.
/// </summary>
[JsonSerializable(typeof(ModelInputRow[]))]
[JsonSerializable(typeof(Metrics))]
[JsonSerializable(typeof(ModelOptions))]
[JsonSerializable(typeof(Regressor))]
[JsonSerializable(typeof(ShuttleFeatures))]
[JsonSerializable(typeof(double))]
internal sealed partial class SpaceflightsJsonContext : JsonSerializerContext;
