using System.Collections.Concurrent;
using System.Globalization;
using Compiled;
using Compiled.Config;

namespace Orders;

/// <summary>A model read from a text file (its weight); the scoring pipeline's artifact.</summary>
public sealed record ScoringModel(double Weight);

/// <summary>
/// A project's own dataset type that counts its loads, per file (so that tests in parallel, each with its own project
/// directory, count only their own). A load takes a little while, so that concurrent first runs really overlap it;
/// a missing file is a failed load.
/// </summary>
public sealed class CountingModelDataset(string name, string filePath) : IDataset<ScoringModel>
{
    private static readonly ConcurrentDictionary<string, int> s_loads = new(StringComparer.Ordinal);

    public string Name => name;

    /// <summary>How many loads of <paramref name="file"/> began, failed ones included.</summary>
    public static int Loads(string file) => s_loads.GetValueOrDefault(Path.GetFullPath(file));

    public ScoringModel Load()
    {
        s_loads.AddOrUpdate(Path.GetFullPath(filePath), 1, (_, count) => count + 1);
        Thread.Sleep(50);
        return new ScoringModel(double.Parse(File.ReadAllText(filePath), CultureInfo.InvariantCulture));
    }

    public void Save(ScoringModel data) => throw new NotSupportedException($"Dataset '{name}' is read-only.");

    public bool Exists() => File.Exists(filePath);

    public static CountingModelDataset FromConfig(DatasetConfig config) => new(config.Name, config.GetRequiredPath());
}
