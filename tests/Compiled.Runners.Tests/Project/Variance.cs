using Compiled;

namespace Runs;

/// <summary>
/// Kedro's example pipeline from "Slice a pipeline" (docs.kedro.org, nodes_and_pipelines/slice_a_pipeline): the
/// variance of xs, with the same node names and tags, so that every filter can be checked against the documented result.
/// </summary>
public static class Variance
{
    [Node(Name = "len", Output = "n")]
    public static int Length(double[] xs) => xs.Length;

    [Node(Name = "mean_node", Output = "m", Tags = ["mean"])]
    public static double Mean(double[] xs, int n) => xs.Sum() / n;

    [Node(Name = "mean_sos", Output = "m2", Tags = ["mean", "variance"])]
    public static double MeanSumOfSquares(double[] xs, int n) => xs.Sum(x => x * x) / n;

    [Node(Name = "variance_node", Output = "v", Tags = ["variance"])]
    public static double Variance2(double m, double m2) => m2 - (m * m);
}
