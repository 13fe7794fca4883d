using Orleans.Concurrency;

namespace Grid;

/// <summary>The sweep pipeline's parameters (<c>sweep</c> in <c>conf/base/parameters.yml</c>).</summary>
/// <param name="X">The value the run squares.</param>
/// <param name="DelayMs">How long the node waits first (an I/O-bound node), in milliseconds.</param>
/// <param name="FailAt">The node throws when <paramref name="X"/> equals this.</param>
public sealed record SweepOptions(double X, int DelayMs, double FailAt);

/// <summary>The scoring model: a line.</summary>
public sealed record LineModel(double Slope, double Intercept);

/// <summary>
/// One input of the scoring pipeline. Declared for Orleans' serializer, so that a single remote run of the scoring pipeline
/// carries it (and its score) in Orleans' codecs rather than as JSON.
/// </summary>
/// <param name="X">The point's x.</param>
[GenerateSerializer, Immutable]
public sealed record Point([property: Id(0)] double X);

/// <summary>The doubling pipeline's input: a plain record, with no codec in Orleans' serializer, so its runs travel as JSON.</summary>
/// <param name="Value">What the pipeline doubles.</param>
public sealed record Reading(double Value);

/// <summary>A site's calibration (<c>data/calibration/{site}.json</c>).</summary>
/// <param name="Offset">What the calibrated pipeline adds.</param>
public sealed record Calibration(double Offset);
