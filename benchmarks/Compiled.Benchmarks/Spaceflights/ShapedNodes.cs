using System.Runtime.CompilerServices;

namespace Compiled.Benchmarks.Spaceflights;

/// <summary>The <c>model_options</c> parameters, as in samples/Spaceflights.</summary>
/// <param name="TestSize">The fraction of rows held out.</param>
/// <param name="RandomState">The seed of the split.</param>
/// <param name="Features">The feature columns.</param>
public sealed record ModelOptions(double TestSize, int RandomState, string[] Features);

/// <summary>
/// The nodes of samples/Spaceflights' <c>data_processing</c> pipeline with the same names, inputs and
/// outputs, and trivial bodies: integer arithmetic on the inputs. Every node is a real call
/// (<see cref="MethodImplOptions.NoInlining"/>), in the baseline as in the generated <c>Run</c>.
/// </summary>
public static class ShapedDataProcessing
{
    [Node(Output = "preprocessed_companies")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long PreprocessCompanies(long companies) => unchecked((companies * 3) + 1);

    [Node(Output = "preprocessed_shuttles")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long PreprocessShuttles(long shuttles) => unchecked((shuttles * 5) + 2);

    [Node(Output = "model_input_table")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long CreateModelInputTable(long preprocessedShuttles, long preprocessedCompanies, long reviews) =>
        unchecked(preprocessedShuttles + preprocessedCompanies + reviews);
}

/// <summary>
/// The nodes of samples/Spaceflights' <c>data_science</c> pipeline: a 4-tuple output, two
/// <c>[Param]</c> bindings and a three-input evaluation, with trivial (synchronous) bodies.
/// </summary>
public static class ShapedDataScience
{
    [Node(Outputs = ["X_train", "X_test", "y_train", "y_test"])]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static (long XTrain, long XTest, long YTrain, long YTest) SplitData(
        [Input("model_input_table")] long data,
        [Param("model_options")] ModelOptions options) =>
        unchecked((data + options.RandomState, data - options.RandomState, data * 2, data * 3));

    [Node(Output = "regressor")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long TrainModel(
        [Input("X_train")] long x,
        [Input("y_train")] long y,
        [Param("model_options.features")] string[] features) => unchecked(x + y + features.Length);

    [Node(Output = "metrics")]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long EvaluateModel(long regressor, [Input("X_test")] long x, [Input("y_test")] long y) =>
        unchecked(regressor + x + y);
}

/// <summary>
/// samples/Spaceflights' <c>default</c> pipeline shape: 3 raw inputs (here runtime inputs of
/// <c>Run</c>, so no I/O), 6 nodes, 1 result.
/// </summary>
[Pipeline(typeof(ShapedDataProcessing), typeof(ShapedDataScience), Inputs = ["companies", "reviews", "shuttles"])]
public sealed partial class SpaceflightsPipeline;

/// <summary>The spaceflights-shaped graph written by hand: the baseline.</summary>
public static class SpaceflightsHandWritten
{
    /// <summary>Calls the six nodes in the generated order, passing locals.</summary>
    public static long Run(long companies, long reviews, long shuttles, ModelOptions options)
    {
        var preprocessedCompanies = ShapedDataProcessing.PreprocessCompanies(companies);
        var preprocessedShuttles = ShapedDataProcessing.PreprocessShuttles(shuttles);
        var modelInputTable = ShapedDataProcessing.CreateModelInputTable(preprocessedShuttles, preprocessedCompanies, reviews);
        var (xTrain, xTest, yTrain, yTest) = ShapedDataScience.SplitData(modelInputTable, options);
        var regressor = ShapedDataScience.TrainModel(xTrain, yTrain, options.Features);
        return ShapedDataScience.EvaluateModel(regressor, xTest, yTest);
    }
}
