namespace Compiled.Generators.Building;

/// <summary>
/// The built-in dataset types a catalog entry may name with <c>type:</c>, the C# data each can
/// carry, and the keys each requires.
/// </summary>
internal static class DatasetKinds
{
    private const string Datasets = "global::Compiled.Datasets.";

    public static readonly string[] Names = { "memory", "csv", "json", "text" };

    public static bool IsKnown(string kind) => Array.IndexOf(Names, kind) >= 0;

    /// <summary>Keys an entry of <paramref name="kind"/> must have.</summary>
    public static IEnumerable<string> RequiredKeys(string kind) => kind == "memory" ? Array.Empty<string>() : new[] { "filepath" };

    /// <summary>Whether the catalog persists what nodes write to an entry of this kind (memory entries stay in the run).</summary>
    public static bool IsPersisted(string kind) => kind != "memory";

    /// <summary>
    /// The dataset type for an entry of <paramref name="kind"/> carrying <paramref name="dataType"/>,
    /// or null with <paramref name="supported"/> saying what the kind can carry.
    /// </summary>
    public static string? DatasetType(string kind, string dataType, string? arrayElement, out string supported)
    {
        supported = "";
        switch (kind)
        {
            case "memory":
                return $"{Datasets}MemoryDataset<{dataType}>";
            case "json":
                return $"{Datasets}JsonDataset<{dataType}>";
            case "text":
                supported = "string";
                return Strip(dataType) == "string" ? $"{Datasets}TextDataset" : null;
            case "csv":
                supported = "an array of rows (T[])";
                return arrayElement is null ? null : $"{Datasets}CsvDataset<{arrayElement}>";
            default:
                supported = "nothing: unknown dataset type";
                return null;
        }
    }

    private static string Strip(string typeName) => typeName.TrimEnd('?');
}
