using System.Text.RegularExpressions;
using Compiled.Config;
using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// Finds <c>${resolver:key}</c> / <c>${resolver:key,default}</c> in catalog values: <c>runtime</c>
/// (or Kedro's <c>runtime_params</c>) values become arguments of the pipelines that use the entry; <c>globals</c> must be defined in
/// <c>conf/base/globals*.yml</c> or have a default; any other resolver is an error (CPL0011).
/// </summary>
internal static class Interpolations
{
    /// <summary>One <c>${resolver:key}</c> or <c>${resolver:key,default}</c>.</summary>
    public static readonly Regex Pattern = new(@"\$\{(?<resolver>[A-Za-z_][A-Za-z0-9_.]*):(?<key>[^,}]*)(?<default>,[^}]*)?\}", RegexOptions.CultureInvariant);

    /// <summary>The runtime values of <paramref name="entry"/>, in first-use order; reports unresolvable interpolations.</summary>
    public static List<(string Name, bool HasDefault)> Scan(string dataset, YamlValue entry, YamlMapping globals, List<DiagnosticInfo> diagnostics)
    {
        var runtime = new List<(string Name, bool HasDefault)>();
        foreach (var scalar in Scalars(entry))
        {
            foreach (Match match in Pattern.Matches(scalar.Value ?? ""))
            {
                var resolver = KedroCatalogNames.CanonicalResolver(match.Groups["resolver"].Value);
                var key = match.Groups["key"].Value.Trim();
                var hasDefault = match.Groups["default"].Success;
                switch (resolver)
                {
                    case "runtime":
                        var index = runtime.FindIndex(r => r.Name == key);
                        if (index < 0) runtime.Add((key, hasDefault));
                        else if (!hasDefault) runtime[index] = (key, false);
                        break;
                    case "globals":
                        if (!hasDefault && Find(globals, key) is null)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnresolvedInterpolation, DiagnosticTarget.InFile(scalar.Location),
                                match.Value, dataset, $"define '{key}' in conf/base/globals.yml or give a default: ${{globals:{key},default}}"));
                        }

                        break;
                    default:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnresolvedInterpolation, DiagnosticTarget.InFile(scalar.Location),
                            match.Value, dataset, $"unknown resolver '{resolver}'; catalog values can use ${{runtime:…}} and ${{globals:…}}, credentials ${{env:…}}"));
                        break;
                }
            }
        }

        return runtime;
    }

    /// <summary>
    /// Reports (CPL0016) each <c>${runtime:…}</c> written where a run would refuse it: SQL text, <c>allowed_tables</c>,
    /// or a <c>table_name</c> without <c>allowed_tables</c> (see <see cref="RuntimeValuePlacement"/>).
    /// </summary>
    public static void CheckPlacement(string dataset, YamlValue entry, List<DiagnosticInfo> diagnostics)
    {
        if (entry is not YamlMapping mapping) return;
        var hasAllowedTables = mapping[RuntimeValuePlacement.AllowedTablesKey] is not null;
        foreach (var key in mapping.Entries)
        {
            if (RuntimeValuePlacement.Refusal(key.Key, hasAllowedTables) is not { } refusal) continue;
            foreach (var scalar in Scalars(key.Value))
            {
                foreach (Match match in Pattern.Matches(scalar.Value ?? ""))
                {
                    if (KedroCatalogNames.CanonicalResolver(match.Groups["resolver"].Value) != "runtime") continue;
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UntrustedRuntimeValue, DiagnosticTarget.InFile(scalar.Location),
                        match.Value, dataset, key.Key, refusal));
                }
            }
        }
    }

    /// <summary>The first <c>${runtime:…}</c> in <paramref name="entry"/>'s values and the value it is in, or null.</summary>
    public static (string Expression, FileLocation Location)? FirstRuntimeValue(YamlValue entry)
    {
        foreach (var scalar in Scalars(entry))
        {
            foreach (Match match in Pattern.Matches(scalar.Value ?? ""))
            {
                if (KedroCatalogNames.CanonicalResolver(match.Groups["resolver"].Value) == "runtime") return (match.Value, scalar.Location);
            }
        }

        return null;
    }

    /// <summary>The value at dotted <paramref name="path"/> under <paramref name="mapping"/>, or null.</summary>
    public static YamlValue? Find(YamlMapping mapping, string path)
    {
        YamlValue? node = mapping;
        foreach (var segment in path.Split('.'))
        {
            node = (node as YamlMapping)?[segment];
            if (node is null) return null;
        }

        return node;
    }

    private static IEnumerable<YamlScalar> Scalars(YamlValue value)
    {
        switch (value)
        {
            case YamlScalar scalar:
                yield return scalar;
                break;
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    foreach (var child in Scalars(entry.Value)) yield return child;
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    foreach (var child in Scalars(item)) yield return child;
                }

                break;
        }
    }
}
