using Compiled.Config;
using Compiled.Generators.Building;
using Compiled.Generators.Model;
using Compiled.Generators.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace Compiled.Analyzers;

/// <summary>
/// The build's look at <c>conf/&lt;env&gt;/catalog*.yml</c>, which the generator does not read (values are resolved at run
/// time, so one build runs in every environment). An environment file must parse (CPL0006), may not change the
/// <c>type</c> of an entry of <c>conf/base</c>, nor the type of a partitioned entry's files (its <c>dataset</c>)
/// (CPL0017: the session refuses it at creation too), and may not write a
/// <c>${runtime:…}</c> where a run would refuse it (CPL0016).
/// </summary>
internal static class EnvironmentCatalogs
{
    /// <summary>The environment of a <c>conf/&lt;env&gt;/catalog*.yml</c> path other than <c>conf/base</c>, or null.</summary>
    public static string? EnvironmentOf(string path)
    {
        var normalized = path.Replace('\\', '/');
        var fileName = normalized.Substring(normalized.LastIndexOf('/') + 1);
        if (!fileName.StartsWith("catalog", StringComparison.OrdinalIgnoreCase) ||
            !(fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var directory = normalized.Substring(0, Math.Max(0, normalized.LastIndexOf('/')));
        var environment = directory.Substring(directory.LastIndexOf('/') + 1);
        var parent = directory.Substring(0, Math.Max(0, directory.LastIndexOf('/')));
        var isConf = parent == "conf" || parent.EndsWith("/conf", StringComparison.Ordinal);
        return isConf && environment.Length > 0 && environment != "base" ? environment : null;
    }

    /// <summary>The diagnostics of the environment catalog at <paramref name="path"/> against the base catalog files.</summary>
    public static IEnumerable<DiagnosticInfo> Check(string path, string environment, SourceText text, IReadOnlyList<ConfigFileModel> baseCatalogs)
    {
        var file = YamlParser.Parse(path, ConfigFileKind.Catalog, text);
        if (file.Error is not null)
        {
            yield return file.Error;
            yield break;
        }

        var diagnostics = new List<DiagnosticInfo>();
        foreach (var entry in file.Root!.Entries)
        {
            Interpolations.CheckPlacement(entry.Key, entry.Value, diagnostics);
            if (entry.Value is not YamlMapping mapping || BaseEntry(baseCatalogs, entry.Key) is not { } baseEntry) continue;
            var baseType = TypeOf(baseEntry["type"] as YamlScalar);
            if (mapping["type"] is YamlScalar type && TypeOf(type) is var environmentType && baseType != environmentType)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.EnvironmentChangesType, DiagnosticTarget.InFile(type.Location),
                    entry.Key, environment, Written(baseEntry["type"] as YamlScalar, baseType), type.Value?.Trim() ?? environmentType));
                continue;
            }

            // A partitioned entry's files are compiled with the type of its 'dataset' too (Partitions<T> of what it carries).
            if (!DatasetKinds.IsPartitioned(baseType) || PartitionType(mapping["dataset"]) is not { } partitionType) continue;
            if (PartitionType(baseEntry["dataset"]) is not { } basePartitionType || TypeOf(basePartitionType) == TypeOf(partitionType)) continue;
            var written = Written(baseEntry["type"] as YamlScalar, baseType);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.EnvironmentChangesType, DiagnosticTarget.InFile(partitionType.Location),
                entry.Key, environment, $"{written} of {Written(basePartitionType, TypeOf(basePartitionType))}", $"{written} of {Written(partitionType, TypeOf(partitionType))}"));
        }

        foreach (var diagnostic in diagnostics) yield return diagnostic;
    }

    // The type of a partitioned entry's files: its 'dataset' value, or that mapping's 'type'.
    private static YamlScalar? PartitionType(YamlValue? dataset) => dataset switch
    {
        YamlScalar scalar => scalar,
        YamlMapping mapping => mapping["type"] as YamlScalar,
        _ => null,
    };

    private static string Written(YamlScalar? type, string kind) => type?.Value?.Trim() ?? kind;

    // Kedro's names are the same types: pandas.CSVDataset over csv changes nothing.
    private static string TypeOf(YamlScalar? type) => type?.Value?.Trim() is { Length: > 0 } value ? KedroCatalogNames.KindOf(value) ?? value : "memory";

    private static YamlMapping? BaseEntry(IReadOnlyList<ConfigFileModel> baseCatalogs, string name)
    {
        YamlMapping? found = null;
        foreach (var file in baseCatalogs)
        {
            if (file.Root?[name] is YamlMapping entry) found = entry; // files merge in path order: the last one wins
        }

        return found;
    }
}
