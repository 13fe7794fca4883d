using Compiled.Config;
using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// Finds <c>${resolver:key}</c> / <c>${resolver:key,default}</c> in catalog values: <c>runtime</c>
/// (or Kedro's <c>runtime_params</c>) values become arguments of the pipelines that use the entry; <c>globals</c> must be defined in
/// <c>conf/base/globals*.yml</c> or have a default; any other resolver, or a malformed interpolation, is an error (CPL0011).
/// The grammar is the runtime's (<see cref="InterpolationSyntax"/>).
/// </summary>
internal static class Interpolations
{
    /// <summary>Whether <paramref name="text"/> holds an interpolation (<see cref="InterpolationSyntax"/>, the grammar a run reads).</summary>
    public static bool Contains(string? text) => InterpolationSyntax.MayContain(text) && InterpolationSyntax.Parse(text!).Count > 0;

    /// <summary>The interpolations written in <paramref name="scalar"/>.</summary>
    public static List<InterpolationToken> In(YamlScalar scalar) =>
        InterpolationSyntax.MayContain(scalar.Value) ? InterpolationSyntax.Parse(scalar.Value!) : new List<InterpolationToken>();

    /// <summary>The runtime values of <paramref name="entry"/>, in first-use order; reports unresolvable interpolations.</summary>
    public static List<(string Name, bool HasDefault)> Scan(string dataset, YamlValue entry, YamlMapping globals, List<DiagnosticInfo> diagnostics)
    {
        var runtime = new List<(string Name, bool HasDefault)>();
        foreach (var scalar in Scalars(entry))
        {
            foreach (var token in In(scalar))
            {
                var key = token.Key;
                var hasDefault = token.HasDefault;
                if (token.Problem != InterpolationProblem.None)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnresolvedInterpolation, DiagnosticTarget.InFile(scalar.Location),
                        token.Written, dataset, InterpolationSyntax.Help(token.Problem)));
                    continue;
                }

                switch (KedroCatalogNames.CanonicalResolver(token.Resolver))
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
                                token.Written, dataset, $"define '{key}' in conf/base/globals.yml or give a default: ${{globals:{key},default}}"));
                        }

                        break;
                    default:
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnresolvedInterpolation, DiagnosticTarget.InFile(scalar.Location),
                            token.Written, dataset, $"unknown resolver '{KedroCatalogNames.CanonicalResolver(token.Resolver)}'; catalog values can use ${{runtime:…}} and ${{globals:…}}, credentials ${{env:…}}"));
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
                foreach (var token in In(scalar))
                {
                    if (KedroCatalogNames.CanonicalResolver(token.Resolver) != KedroCatalogNames.RuntimeResolver) continue;
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UntrustedRuntimeValue, DiagnosticTarget.InFile(scalar.Location),
                        token.Written, dataset, key.Key, refusal));
                }
            }
        }
    }

    /// <summary>The first <c>${runtime:…}</c> in <paramref name="entry"/>'s values and the value it is in, or null.</summary>
    public static (string Expression, FileLocation Location)? FirstRuntimeValue(YamlValue entry)
    {
        foreach (var scalar in Scalars(entry))
        {
            foreach (var token in In(scalar))
            {
                if (KedroCatalogNames.CanonicalResolver(token.Resolver) == KedroCatalogNames.RuntimeResolver) return (token.Written, scalar.Location);
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
