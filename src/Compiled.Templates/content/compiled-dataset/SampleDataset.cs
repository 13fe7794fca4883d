using Compiled;
using Compiled.Config;

namespace MyNamespace;

/// <summary>
/// A dataset type of this project: the lines of a text file. A catalog entry names it by its full name:
/// <code>
/// notes:
///   type: MyNamespace.SampleDataset
///   filepath: data/01_raw/notes.txt
/// </code>
/// </summary>
public sealed class SampleDataset(string name, string filePath) : IDataset<string[]>
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public string[] Load() => File.Exists(filePath)
        ? File.ReadAllLines(filePath)
        : throw new FileNotFoundException($"Dataset '{name}': there is no file '{filePath}'. Create it, or run the node that writes '{name}'.", filePath);

    /// <inheritdoc />
    public void Save(string[] data)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        File.WriteAllLines(filePath, data);
    }

    /// <inheritdoc />
    public bool Exists() => File.Exists(filePath);

    /// <summary>Creates the dataset from its catalog entry: <c>filepath</c>, relative to the project directory.</summary>
    public static SampleDataset FromConfig(DatasetConfig config) => new(config.Name, config.GetRequiredPath());
}
