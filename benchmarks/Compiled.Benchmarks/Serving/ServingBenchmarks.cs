using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Compiled.Benchmarks.Infrastructure;

namespace Compiled.Benchmarks.Serving;

/// <summary>
/// The serving shape (issue #16): one runtime input, a preloaded artifact and a [Param], in one node and in three. The
/// baseline is the same node calls by hand with the artifact and the parameters in locals (fields here); the generated
/// <c>Run</c> reaches the artifact through the session and the parameters through the session's record.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ServingBenchmarks
{
    private BenchmarksSession _session = null!;
    private ServingModel _model = null!;
    private double _scale, _ratingMax;
    private ServingFeatures _features = new(2, 3, 95);

    [GlobalSetup]
    public void Setup()
    {
        _session = Sessions.Plain();
        _model = new ServingModel(1000, 250, 60, 5);
        _session.Catalog.ServingModel.Save(_model);
        _session.Preload(_session.Catalog.ServingModel);
        _scale = _session.Parameters.Serving.Scale;
        _ratingMax = _session.Parameters.Serving.RatingMax;
        if (HandWrittenOne() != GeneratedOne() || HandWrittenThree() != GeneratedThree())
            throw new InvalidOperationException("The generated runs and the hand-written calls disagree.");
    }

    [Benchmark(Baseline = true, Description = "Hand-written, 1 node"), BenchmarkCategory("1 node")]
    public double HandWrittenOne() => ServingOneNode.Predict(_features, _model, _scale);

    [Benchmark(Description = "Generated Run, 1 node"), BenchmarkCategory("1 node")]
    public double GeneratedOne() => _session.ServingOne.Run(_features).Price;

    [Benchmark(Baseline = true, Description = "Hand-written, 3 nodes"), BenchmarkCategory("3 nodes")]
    public double HandWrittenThree() =>
        ServingThreeNodes.Round(ServingThreeNodes.Predict(ServingThreeNodes.Normalize(_features, _ratingMax), _model), _scale);

    [Benchmark(Description = "Generated Run, 3 nodes"), BenchmarkCategory("3 nodes")]
    public double GeneratedThree() => _session.ServingThree.Run(_features).Price;
}
