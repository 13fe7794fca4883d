using Compiled.Config;
using Compiled.Generators.Building;
using Compiled.Generators.Model;
using Compiled.Generators.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace Compiled.Analyzers;

/// <summary>
/// The build's look at <c>conf/&lt;env&gt;/catalog*.yml</c>, which the generator does not read (values are resolved at run
/// time, so one build runs in every environment). An environment file must parse (CPL0006), may not change the
/// <c>type</c> of an entry of <c>conf/base</c> (CPL0017: the session refuses it at creation too), and may not write a
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
            if (entry.Value is not YamlMapping mapping || mapping["type"] is not YamlScalar type) continue;
            if (BaseEntry(baseCatalogs, entry.Key) is not { } baseEntry) continue;
            var baseType = TypeOf(baseEntry["type"] as YamlScalar);
            var environmentType = TypeOf(type);
            if (baseType == environmentType) continue;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.EnvironmentChangesType, DiagnosticTarget.InFile(type.Location),
                entry.Key, environment, (baseEntry["type"] as YamlScalar)?.Value?.Trim() ?? baseType, type.Value?.Trim() ?? environmentType));
        }

        foreach (var diagnostic in diagnostics) yield return diagnostic;
    }

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
