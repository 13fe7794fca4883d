using System.Text.Json.Serialization;
using Compiled.Config;
using Compiled.Datasets;
using Xunit;

namespace Compiled.Tests.Datasets;

/// <summary>
/// A <c>json</c> catalog entry takes its serialization metadata from the session's
/// <see cref="SessionOptions.JsonTypeInfoResolver"/> (what native AOT applications need), with the dataset's own
/// options (snake_case, indentation) still applied.
/// </summary>
public sealed class JsonDatasetMetadataTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public JsonDatasetMetadataTests()
    {
        Directory.CreateDirectory(_dir.File("conf", "base"));
        File.WriteAllText(_dir.File("conf", "base", "catalog.yml"), "scores:\n  type: json\n  filepath: data/scores.json\n");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void FromConfig_UsesTheConfiguredResolver_WithTheDatasetsOptions()
    {
        var config = ProjectConfig.Load(_dir.Path, "base", ScoresJsonContext.Default).GetDataset("scores");

        var dataset = JsonDataset<Scores>.FromConfig(config);
        dataset.Save(new Scores { BestScore = 0.75, RunCount = 3 });

        Assert.Same(ScoresJsonContext.Default, config.JsonTypeInfoResolver);
        Assert.Contains(ScoresJsonContext.Default, dataset.Options.TypeInfoResolverChain);
        Assert.Equal("{\n  \"best_score\": 0.75,\n  \"run_count\": 3\n}", File.ReadAllText(_dir.File("data", "scores.json")).ReplaceLineEndings("\n"));
        Assert.Equal(new Scores { BestScore = 0.75, RunCount = 3 }, dataset.Load());
    }

    [Fact]
    public void FromConfig_WithoutAResolver_UsesReflection_WhereItIsEnabled()
    {
        var config = ProjectConfig.Load(_dir.Path, "base").GetDataset("scores");

        var dataset = JsonDataset<Scores>.FromConfig(config);
        dataset.Save(new Scores { BestScore = 1, RunCount = 1 });

        Assert.Null(config.JsonTypeInfoResolver);
        Assert.Equal(new Scores { BestScore = 1, RunCount = 1 }, dataset.Load());
    }

    public sealed record Scores
    {
        public double BestScore { get; init; }

        public int RunCount { get; init; }
    }
}

/// <summary>Source-generated metadata for <see cref="JsonDatasetMetadataTests.Scores"/>.</summary>
[JsonSerializable(typeof(JsonDatasetMetadataTests.Scores))]
internal sealed partial class ScoresJsonContext : JsonSerializerContext;
