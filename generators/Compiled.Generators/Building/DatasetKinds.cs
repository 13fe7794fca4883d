using Compiled.Config;
using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// The built-in dataset types a catalog entry may name with <c>type:</c>, the C# data each can
/// carry, and the keys each requires. Kedro's type names (<c>pandas.CSVDataset</c>, …) are read as these kinds by
/// <see cref="KedroCatalogNames.KindOf"/>; <c>pickle.PickleDataset</c> becomes the kind <see cref="KedroCatalogNames.PickleKind"/>.
/// </summary>
internal static class DatasetKinds
{
    private const string Datasets = "global::Compiled.Datasets.";

    public static readonly string[] Names = { "memory", "csv", "json", "text", "binary", "parquet", "excel", "sql", "sql_table", "partitioned", "partitions.PartitionedDataset", "incremental", "partitions.IncrementalDataset" };

    /// <summary>The kinds of a folder of files of one type, read and written as <c>Partitions&lt;T&gt;</c>.</summary>
    private static readonly string[] PartitionedKinds = { "partitioned", "partitions.PartitionedDataset", "incremental", "partitions.IncrementalDataset" };

    private static readonly string[] FileKinds = { "csv", "json", "text", "binary", "parquet", "excel", KedroCatalogNames.PickleKind };

    private static readonly string[] SqlConnectionKeys = { "connection", "credentials", "connection_string" };

    public static bool IsKnown(string kind) => Array.IndexOf(Names, kind) >= 0 || kind == KedroCatalogNames.PickleKind;

    /// <summary>Whether entries of <paramref name="kind"/> keep their data in a file (and so may be <c>versioned: true</c>).</summary>
    public static bool IsFile(string kind) => Array.IndexOf(FileKinds, kind) >= 0;

    /// <summary>Whether entries of <paramref name="kind"/> are folders of files read and written as <c>Partitions&lt;T&gt;</c>.</summary>
    public static bool IsPartitioned(string kind) => Array.IndexOf(PartitionedKinds, kind) >= 0;

    /// <summary>Keys an entry of <paramref name="kind"/> must have.</summary>
    public static IEnumerable<string> RequiredKeys(string kind) => kind switch
    {
        "memory" => Array.Empty<string>(),
        "partitioned" or "partitions.PartitionedDataset" or "incremental" or "partitions.IncrementalDataset" => new[] { "path", "dataset" },
        "sql" => new[] { "query" },
        "sql_table" => new[] { "table_name" },
        _ => new[] { "filepath" },
    };

    /// <summary>
    /// Keys of which an entry of <paramref name="kind"/> must have exactly one (empty when there is no
    /// such rule): the connection of the SQL types — <c>connection</c> (a credentials name),
    /// <c>credentials</c> (Kedro's spelling) or <c>connection_string</c>.
    /// </summary>
    public static IEnumerable<string> RequiredOneOf(string kind) =>
        kind is "sql" or "sql_table" ? SqlConnectionKeys : Array.Empty<string>();

    /// <summary>Whether the catalog persists what nodes write to an entry of this kind (memory entries stay in the run).</summary>
    public static bool IsPersisted(string kind) => kind != "memory";

    /// <summary>
    /// The dataset type for an entry of <paramref name="kind"/> carrying <paramref name="dataType"/>,
    /// or null with <paramref name="supported"/> saying what the kind can carry.
    /// </summary>
    public static string? DatasetType(string kind, TypeRef dataType, RowTypeModel? arrayElement, out string supported) =>
        DatasetType(kind, dataType.Name, dataType.NonNullableName, arrayElement, out supported);

    private static string? DatasetType(string kind, string dataType, string nonNullable, RowTypeModel? arrayElement, out string supported)
    {
        supported = "";
        switch (kind)
        {
            case "memory":
                return $"{Datasets}MemoryDataset<{dataType}>";
            case "json":
                return $"{Datasets}JsonDataset<{dataType}>";
            case KedroCatalogNames.PickleKind:
                // .NET has no pickle: bytes are kept as they are, any other value is written as JSON.
                supported = "byte[] or any type System.Text.Json serializes";
                return nonNullable == "byte[]" ? $"{Datasets}BinaryDataset" : $"{Datasets}JsonDataset<{dataType}>";
            case "text":
                supported = "string";
                return nonNullable == "string" ? $"{Datasets}TextDataset" : null;
            case "binary":
                supported = "byte[]";
                return nonNullable == "byte[]" ? $"{Datasets}BinaryDataset" : null;
            case "csv":
                supported = "an array of rows (T[])";
                return Rows("CsvDataset", arrayElement);
            case "parquet":
                // ParquetDataset<TRow> creates each row empty and fills its columns: TRow : class, new().
                supported = "an array of rows (T[], T a class with a public parameterless constructor)";
                return arrayElement is { IsCreatable: true } ? Rows("ParquetDataset", arrayElement) : null;
            case "excel":
                supported = "an array of rows (T[])";
                return Rows("ExcelDataset", arrayElement);
            case "sql":
                supported = "an array of rows (T[])";
                return Rows("SqlQueryDataset", arrayElement);
            case "sql_table":
                supported = "an array of rows (T[])";
                return Rows("SqlTableDataset", arrayElement);
            default:
                supported = "nothing: unknown dataset type";
                return null;
        }
    }

    /// <summary>
    /// The dataset type for a partitioned (or incremental) entry of <paramref name="kind"/> whose partitions are files of <paramref name="partitionKind"/> (its
    /// <c>dataset:</c> type) carrying <paramref name="dataType"/>, which must be <c>Partitions&lt;T&gt;</c> with a
    /// <c>T</c> that kind carries; null otherwise, with <paramref name="supported"/> saying what it can carry.
    /// </summary>
    public static string? PartitionedDatasetType(string kind, string? partitionKind, TypeRef dataType, RowTypeModel? partitionElement, out string supported)
    {
        supported = "Partitions<T>, T what the type of its 'dataset' carries";
        if (partitionKind is null || !IsFile(partitionKind)) return null;
        if (dataType.PartitionOf is not { } partition) return null;
        // The partition type is written inside Partitions<…>: its top-level annotation is its own, kept as written.
        var partitionType = partition.Name;
        var partitionDataset = DatasetType(partitionKind, partitionType, partition.NonNullableName, partitionElement, out var partitionSupported);
        supported = $"Partitions<T>, T {partitionSupported} for partitions of type '{partitionKind}'";
        var dataset = kind is "incremental" or "partitions.IncrementalDataset" ? "IncrementalDataset" : "PartitionedDataset";
        return partitionDataset is null ? null : $"{Datasets}{dataset}<{partitionType}, {partitionDataset}>";
    }

    private static string? Rows(string dataset, RowTypeModel? arrayElement) =>
        arrayElement is null ? null : $"{Datasets}{dataset}<{arrayElement.TypeName}>";
}
