using System.Text;

namespace Compiled.Config;

/// <summary>
/// Resolves <c>${resolver:key}</c> and <c>${resolver:key,default}</c> inside configuration scalars:
/// <c>globals</c> when a session is created, <c>runtime</c> at each run, <c>env</c> in credentials.
/// A scalar that is exactly one interpolation takes the resolved value; otherwise the value is spliced into the text.
/// The grammar (defaults, nested braces, escapes, malformed interpolations) is <see cref="InterpolationSyntax"/>, shared with the build.
/// </summary>
public static class Interpolation
{
    /// <summary>Resolves the interpolations of <paramref name="resolver"/> in <paramref name="text"/>.</summary>
    /// <param name="text">The scalar text.</param>
    /// <param name="resolver">The resolver name handled here (<c>globals</c>, <c>runtime</c>, <c>env</c>); others are left as written.</param>
    /// <param name="lookup">Returns the value of a key, or null when it has none.</param>
    /// <param name="location">Where the scalar was written, for errors.</param>
    /// <exception cref="ConfigException">A key has no value and no default, or an interpolation is malformed (never closed, or nested).</exception>
    public static string? Resolve(string? text, string resolver, Func<string, string?> lookup, ConfigLocation location)
    {
        if (text is null || !text.Contains("${" + resolver + ":", StringComparison.Ordinal)) return text;
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var token in InterpolationSyntax.Parse(text))
        {
            if (token.Problem != InterpolationProblem.None)
            {
                throw new ConfigException($"'${{{token.Resolver}:…}}' cannot be read: {InterpolationSyntax.Help(token.Problem)}", location);
            }

            if (token.Resolver != resolver) continue; // another resolver's: left as written for its own pass
            builder.Append(text, position, token.Start - position);
            var value = lookup(token.Key) ?? token.Default ?? throw new ConfigException(
                $"'${{{resolver}:{token.Key}}}' has no value and no default ({Help(resolver)})", location);
            builder.Append(value);
            position = token.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Applies <see cref="Resolve"/> to every scalar under <paramref name="node"/>.</summary>
    public static ConfigNode ResolveAll(ConfigNode node, string resolver, Func<string, string?> lookup) => node switch
    {
        ConfigScalar scalar => scalar.Value?.Contains("${" + resolver + ":", StringComparison.Ordinal) == true
            ? new ConfigScalar(Resolve(scalar.Value, resolver, lookup, scalar.Location), scalar.Location)
            : scalar,
        ConfigMapping mapping => new ConfigMapping(
            mapping.Entries.Select(e => new KeyValuePair<string, ConfigNode>(e.Key, ResolveAll(e.Value, resolver, lookup))),
            mapping.Location),
        ConfigSequence sequence => new ConfigSequence(sequence.Items.Select(i => ResolveAll(i, resolver, lookup)).ToArray(), sequence.Location),
        _ => node,
    };

    /// <summary>
    /// <paramref name="node"/> with Kedro's <c>${runtime_params:…}</c> written as <c>${runtime:…}</c> in every scalar,
    /// so that a Kedro catalog's runtime values are resolved as Compiled's (see <see cref="KedroCatalogNames"/>).
    /// </summary>
    internal static ConfigNode WithRuntimeResolver(ConfigNode node) => node switch
    {
        ConfigScalar scalar => KedroCatalogNames.WithRuntimeResolver(scalar.Value) is var text && !ReferenceEquals(text, scalar.Value)
            ? new ConfigScalar(text, scalar.Location)
            : scalar,
        ConfigMapping mapping => new ConfigMapping(
            mapping.Entries.Select(e => new KeyValuePair<string, ConfigNode>(e.Key, WithRuntimeResolver(e.Value))),
            mapping.Location),
        ConfigSequence sequence => new ConfigSequence(sequence.Items.Select(WithRuntimeResolver).ToArray(), sequence.Location),
        _ => node,
    };

    private static string Help(string resolver) => resolver switch
    {
        "globals" => "define it in conf/base/globals.yml or conf/<env>/globals.yml, or write a default after a comma: ${globals:name,default}",
        "runtime" => "pass it to the pipeline's Run, or write a default after a comma: ${runtime:name,default}",
        "env" => "set the environment variable, or write a default after a comma: ${env:NAME,default}",
        _ => "provide it",
    };
}
