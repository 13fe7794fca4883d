using System.Text;
using Compiled.Config;
using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// Resolves the interpolations Kedro allows in <c>parameters*.yml</c>, when the build compiles the parameters:
/// <c>${globals:path}</c> takes the value of <c>globals*.yml</c>, and <c>${runtime_params:name,default}</c> (or
/// <c>${runtime:…}</c>) takes its default, and is recorded (<see cref="RuntimeParameterUse"/>) so that
/// <c>--params name=value</c> sets it per run as Kedro's runtime params do (<see cref="RuntimeParameterOverrides"/>).
/// A value nothing provides is CPL0021 on the YAML value.
/// </summary>
internal static class ParameterInterpolations
{
    /// <summary>
    /// <paramref name="parameters"/> with its interpolations resolved; reports those that cannot be, and adds each
    /// <c>${runtime_params:…}</c> resolved to its default to <paramref name="runtimeUses"/> when given.
    /// </summary>
    public static YamlMapping Resolve(YamlMapping parameters, YamlMapping globals, List<DiagnosticInfo> diagnostics, List<RuntimeParameterUse>? runtimeUses = null) =>
        (YamlMapping)Resolve(parameters, "", globals, diagnostics, runtimeUses);

    private static YamlValue Resolve(YamlValue value, string path, YamlMapping globals, List<DiagnosticInfo> diagnostics, List<RuntimeParameterUse>? runtimeUses) => value switch
    {
        YamlScalar { Value: { } text } scalar when InterpolationSyntax.MayContain(text) => ResolveScalar(scalar, text, path, globals, diagnostics, runtimeUses),
        YamlMapping mapping => mapping with
        {
            Entries = mapping.Entries
                .Select(e => e with { Value = Resolve(e.Value, path.Length == 0 ? e.Key : path + "." + e.Key, globals, diagnostics, runtimeUses) })
                .ToEquatableArray(),
        },
        YamlSequence sequence => sequence with { Items = sequence.Items.Select((item, i) => Resolve(item, $"{path}[{i}]", globals, diagnostics, runtimeUses)).ToEquatableArray() },
        _ => value,
    };

    private static YamlScalar ResolveScalar(YamlScalar scalar, string text, string path, YamlMapping globals, List<DiagnosticInfo> diagnostics, List<RuntimeParameterUse>? runtimeUses)
    {
        var tokens = InterpolationSyntax.Parse(text);
        if (tokens.Count == 0) return scalar;
        var runtimeSpans = new List<(string Key, int Start, int End)>();
        var builder = new StringBuilder();
        var position = 0;
        foreach (var token in tokens)
        {
            builder.Append(text, position, token.Start - position);
            position = token.End;
            var key = token.Key;
            var fallback = token.Default;
            string? resolved;
            string help;
            switch (token.Problem != InterpolationProblem.None ? null : KedroCatalogNames.CanonicalResolver(token.Resolver))
            {
                case null:
                    resolved = null;
                    help = InterpolationSyntax.Help(token.Problem);
                    break;
                case KedroCatalogNames.RuntimeResolver:
                    resolved = fallback;
                    if (resolved is not null) runtimeSpans.Add((key, builder.Length, builder.Length + resolved.Length));
                    help = $"parameters are compiled: give a default (${{{token.Resolver}:{key},value}}) and change it per run with --params {key}=value or Run(parameters: …)";
                    break;
                case "globals":
                    resolved = (Interpolations.Find(globals, key) as YamlScalar)?.Value ?? fallback;
                    help = $"define '{key}' as a value in conf/base/globals.yml or give a default: ${{globals:{key},default}}";
                    break;
                default:
                    resolved = null;
                    help = $"unknown resolver '{token.Resolver}'; parameters can use ${{globals:…}} and ${{runtime_params:…,default}}";
                    break;
            }

            if (resolved is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnresolvedParameterInterpolation, DiagnosticTarget.InFile(scalar.Location), token.Written, path, help));
                return scalar;
            }

            builder.Append(resolved);
        }

        builder.Append(text, position, text.Length - position);
        var value = builder.ToString();
        foreach (var (key, start, end) in runtimeSpans)
        {
            runtimeUses?.Add(new RuntimeParameterUse(key, path, value.Substring(0, start), value.Substring(end)));
        }

        // A value that is exactly one interpolation is typed as what it resolves to (0.2 is a number); spliced text is a string.
        var whole = tokens.Count == 1 && tokens[0].Written.Length == text.Length;
        return scalar with { Value = value, IsPlain = scalar.IsPlain && whole };
    }
}
