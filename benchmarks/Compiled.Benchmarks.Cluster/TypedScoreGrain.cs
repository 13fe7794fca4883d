using Grid;
using Orleans.Concurrency;

namespace Compiled.Benchmarks.Cluster;

/// <summary>
/// The second baseline: the scoring call as a user would write it on Orleans alone. The point and the score cross the wire
/// through Orleans' own generated codecs (the point is the pipeline's own <see cref="Point"/>, which the Grid project declares
/// for Orleans' serializer), and the grain calls the pipeline's node with a model it holds.
/// </summary>
public interface ITypedScoreGrain : IGrainWithIntegerKey
{
    /// <summary>The model's score at <paramref name="point"/>.</summary>
    Task<ScoredPoint> ScoreAsync(Point point, CancellationToken cancellationToken);
}

/// <summary>The scoring pipeline's result, declared for Orleans' serializer.</summary>
/// <param name="Score">The model's value at the point.</param>
[GenerateSerializer, Immutable]
public sealed record ScoredPoint([property: Id(0)] double Score);

/// <summary>Scores with the same model as the remote run's (<c>data/model.json</c> of the Grid project), held in a field; reentrant, as the pipeline worker is.</summary>
[Reentrant]
public sealed class TypedScoreGrain : Grain, ITypedScoreGrain
{
    private static readonly LineModel Model = new(2.5, -1.0);

    /// <inheritdoc />
    public Task<ScoredPoint> ScoreAsync(Point point, CancellationToken cancellationToken) =>
        Task.FromResult(new ScoredPoint(Scoring.Score(Model, point)));
}
