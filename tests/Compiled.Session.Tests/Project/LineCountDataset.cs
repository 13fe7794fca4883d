using Compiled;
using Compiled.Config;

namespace Orders;

/// <summary>A project's own dataset type, named in catalog.yml by its full name: the number of lines of a text file.</summary>
public sealed class LineCountDataset(string name, string filePath) : IDataset<int>
{
    public string Name => name;

    public int Load() => File.ReadAllLines(filePath).Length;

    public void Save(int data) => throw new NotSupportedException($"Dataset '{name}' is read-only.");

    public bool Exists() => File.Exists(filePath);

    public static LineCountDataset FromConfig(DatasetConfig config) => new(config.Name, config.GetRequiredPath());
}
