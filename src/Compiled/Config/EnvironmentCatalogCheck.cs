namespace Compiled.Config;

/// <summary>
/// Checks what an environment's <c>catalog*.yml</c> may change. The build compiles each entry of <c>conf/base</c> with its
/// <c>type</c> (the dataset class, the C# type it loads and saves); an environment may change the values that are
/// resolved at run time (<c>filepath</c>, <c>load_args</c>, <c>credentials</c>, …), never the type. Before, a
/// <c>type: json</c> over a <c>text</c> entry, or a typo such as <c>parqet</c>, was silently ignored.
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
            if (node is not ConfigMapping { } entry || entry["type"] is not ConfigScalar { } type) continue;
            if (baseCatalog[name] is not ConfigMapping baseEntry) continue;
            var baseType = (baseEntry["type"] as ConfigScalar)?.Value?.Trim() ?? DefaultType;
            var environmentType = type.Value?.Trim() ?? DefaultType;
            // Kedro's names are the same types: pandas.CSVDataset over csv changes nothing.
            if (string.Equals(KedroCatalogNames.KindOf(baseType) ?? baseType, KedroCatalogNames.KindOf(environmentType) ?? environmentType, StringComparison.Ordinal)) continue;
            var declaredAt = baseEntry["type"]?.Location ?? baseEntry.Location;
            throw new ConfigException(
                $"catalog entry '{name}' of environment '{environment}' changes its type from '{baseType}' ({declaredAt}) to '{environmentType}'. " +
                "The build compiled the entry with its conf/base type; an environment may change its values (filepath, load_args, credentials, …) " +
                "but not its type. Remove 'type' here, or change it in conf/base and rebuild",
                type.Location);
        }
    }
}
