using Compiled;

namespace Runs;

/// <summary>A pipeline meant to be reused under namespaces: split a table by a ratio, fit the mean.</summary>
public static class Modelling
{
    [Node(Output = "train", Tags = ["split"])]
    public static double[] Split(double[] table, [Param("ratio")] double ratio) => table.Take(Math.Max(1, (int)(table.Length * ratio))).ToArray();

    [Node(Output = "model")]
    public static double Fit(double[] train) => train.Average();
}
