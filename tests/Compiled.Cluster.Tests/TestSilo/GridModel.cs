namespace Grid;

/// <summary>The sweep pipeline's parameters (<c>sweep</c> in <c>conf/base/parameters.yml</c>).</summary>
/// <param name="X">The value the run squares.</param>
/// <param name="DelayMs">How long the node waits first (an I/O-bound node), in milliseconds.</param>
/// <param name="FailAt">The node throws when <paramref name="X"/> equals this.</param>
public sealed record SweepOptions(double X, int DelayMs, double FailAt);

/// <summary>The scoring model: a line.</summary>
public sealed record LineModel(double Slope, double Intercept);

/// <summary>One input of the scoring pipeline.</summary>
public sealed record Point(double X);

/// <summary>A site's calibration (<c>data/calibration/{site}.json</c>).</summary>
/// <param name="Offset">What the calibrated pipeline adds.</param>
public sealed record Calibration(double Offset);
