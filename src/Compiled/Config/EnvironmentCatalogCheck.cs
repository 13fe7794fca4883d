namespace Compiled.Config;

/// <summary>
/// Checks what an environment's <c>catalog*.yml</c> may change. The build compiles each entry of <c>conf/base</c> with its
/// <c>type</c> (the dataset class, the C# type it loads and saves); an environment may change the values that are
/// resolved at run time (<c>filepath</c>, <c>load_args</c>, <c>credentials</c>, …), never the type. Before, a
/// <c>type: json</c> over a <c>text</c> entry, or a typo such as <c>parqet</c>, was silently ignored. A partitioned
/// entry's <c>dataset</c> type (the type of its files) is compiled too and cannot change either.
/// The analyzers report the same at build time (CPL0017).
/// </summary>
internal static class EnvironmentCatalogCheck
{
    /// <summary>The type of an entry that names none: Kedro's default.</summary>
    private const string DefaultType = "memory";

    /// <exception cref="ConfigException">An environment entry changes the type of a base entry; the message names the file and line that set it.</exception>
    public static void Check(ConfigMapping baseCatalog, ConfigMapping environmentCatalog, string environment)
    {
        foreach (var (name, node) in environmentCatalog.Entries)
        {
            if (node is not ConfigMapping { } entry || baseCatalog[name] is not ConfigMapping baseEntry) continue;
            var baseType = (baseEntry["type"] as ConfigScalar)?.Value?.Trim() ?? DefaultType;
            if (entry["type"] is ConfigScalar { } type)
            {
                var environmentType = type.Value?.Trim() ?? DefaultType;
                if (!SameKind(baseType, environmentType))
                    throw Changed(name, environment, baseType, environmentType, baseEntry["type"]?.Location ?? baseEntry.Location, type.Location);
            }

            // A partitioned entry's files are compiled with the type of its 'dataset' too (Partitions<T> of what it carries).
            if (KindOf(baseType) is not ("partitioned" or "partitions.PartitionedDataset" or "incremental" or "partitions.IncrementalDataset") || PartitionType(entry["dataset"]) is not { } partitionType) continue;
            if (PartitionType(baseEntry["dataset"]) is not { } basePartitionType) continue;
            var baseFiles = basePartitionType.Value?.Trim() ?? DefaultType;
            var environmentFiles = partitionType.Value?.Trim() ?? DefaultType;
            if (!SameKind(baseFiles, environmentFiles))
                throw Changed(name, environment, $"{baseType} of {baseFiles}", $"{baseType} of {environmentFiles}", basePartitionType.Location, partitionType.Location);
        }
    }

    // Kedro's names are the same types: pandas.CSVDataset over csv changes nothing.
    private static bool SameKind(string baseType, string environmentType) => string.Equals(KindOf(baseType), KindOf(environmentType), StringComparison.Ordinal);

    private static string KindOf(string type) => KedroCatalogNames.KindOf(type) ?? type;

    // The type of a partitioned entry's files: its 'dataset' value, or that mapping's 'type'.
    private static ConfigScalar? PartitionType(ConfigNode? dataset) => dataset switch
    {
        ConfigScalar scalar => scalar,
        ConfigMapping mapping => mapping["type"] as ConfigScalar,
        _ => null,
    };

    private static ConfigException Changed(string name, string environment, string baseType, string environmentType, ConfigLocation declaredAt, ConfigLocation changedAt) => new(
        $"catalog entry '{name}' of environment '{environment}' changes its type from '{baseType}' ({declaredAt}) to '{environmentType}'. " +
        "The build compiled the entry with its conf/base type; an environment may change its values (filepath, load_args, credentials, …) " +
        "but not its type. Remove 'type' here, or change it in conf/base and rebuild",
        changedAt);
}
