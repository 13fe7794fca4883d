using System.Text.Json.Serialization;

namespace Grid;

/// <summary>
/// Source-generated metadata for what crosses the wire (input, output, the <c>sweep</c> parameters' record) and for the
/// <c>model</c> and <c>calibration</c> datasets.
/// </summary>
[JsonSerializable(typeof(Point))]
[JsonSerializable(typeof(Reading))]
[JsonSerializable(typeof(SweepOptions))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(LineModel))]
[JsonSerializable(typeof(Calibration))]
public sealed partial class GridJsonContext : JsonSerializerContext;
