using System.Text;

namespace Compiled.Config;

/// <summary>
/// Resolves <c>${resolver:key}</c> and <c>${resolver:key,default}</c> inside configuration scalars:
/// <c>globals</c> when a session is created, <c>runtime</c> at each run, <c>env</c> in credentials.
/// A scalar that is exactly one interpolation takes the resolved value; otherwise the value is spliced into the text.
/// </summary>
public static class Interpolation
{
    /// <summary>Resolves the interpolations of <paramref name="resolver"/> in <paramref name="text"/>.</summary>
    /// <param name="text">The scalar text.</param>
    /// <param name="resolver">The resolver name handled here (<c>globals</c>, <c>runtime</c>, <c>env</c>); others are left as written.</param>
    /// <param name="lookup">Returns the value of a key, or null when it has none.</param>
    /// <param name="location">Where the scalar was written, for errors.</param>
    /// <exception cref="ConfigException">A key has no value and no default.</exception>
    public static string? Resolve(string? text, string resolver, Func<string, string?> lookup, ConfigLocation location)
    {
        if (text is null || !text.Contains("${" + resolver + ":", StringComparison.Ordinal)) return text;
        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf("${" + resolver + ":", position, StringComparison.Ordinal);
            if (start < 0)
            {
                builder.Append(text, position, text.Length - position);
                break;
            }

            var end = text.IndexOf('}', start);
            if (end < 0) throw new ConfigException($"unclosed interpolation in '{text}'", location);
            builder.Append(text, position, start - position);
            var body = text.Substring(start + resolver.Length + 3, end - start - resolver.Length - 3);
            var comma = body.IndexOf(',');
            var key = (comma < 0 ? body : body[..comma]).Trim();
            var fallback = comma < 0 ? null : body[(comma + 1)..].Trim();
            var value = lookup(key) ?? fallback ?? throw new ConfigException(
                $"'${{{resolver}:{key}}}' has no value and no default ({Help(resolver)})", location);
            builder.Append(value);
            position = end + 1;
        }

        return builder.ToString();
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
