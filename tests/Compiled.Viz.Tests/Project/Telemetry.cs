using Compiled;

namespace Orbits;

/// <summary>A modular pipeline: cleans a station's readings and summarises them (used twice, as 'north' and 'south').</summary>
public static class Telemetry
{
    [Node(Output = "clean", Tags = ["cleaning"])]
    public static double[] Clean(double[] readings) => readings.Where(r => r >= 0).ToArray();

    [Node(Output = "summary", Tags = ["stats"])]
    public static double Summarise(double[] clean, [Param("threshold")] double threshold) => clean.Count(c => c > threshold);
}

/// <summary>Combines the stations' summaries.</summary>
public static class Reporting
{
    [Node(Output = "report", Tags = ["reporting"])]
    public static double Report([Input("north.summary")] double north, [Input("south.summary")] double south) => north + south;
}
