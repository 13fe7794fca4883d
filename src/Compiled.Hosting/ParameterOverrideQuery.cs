using Microsoft.AspNetCore.Http;

namespace Compiled.Hosting;

/// <summary>
/// Reads a pipeline endpoint's query string as parameter overrides (<c>?model_options.test_size=0.3</c>), refusing
/// every key that <see cref="PipelineEndpointOptions.ParameterOverrides"/> does not allow, and words the refusals
/// for a client: a key is named only when it is a plain parameter path, and a value is never repeated.
/// </summary>
internal static class ParameterOverrideQuery
{
    /// <summary>The name a problem gives to the query string itself, when a key is not fit to repeat.</summary>
    public const string QueryField = "query";

    private const int LongestPath = 200;

    /// <summary>The overrides, <c>path=value</c>, of <paramref name="query"/>.</summary>
    /// <exception cref="ParameterException">A key is not a parameter the endpoint allows to override.</exception>
    public static IReadOnlyList<string> Read(IQueryCollection query, PipelineEndpointOptions options)
    {
        if (query.Count == 0) return [];
        var overrides = new List<string>(query.Count);
        foreach (var (path, values) in query)
        {
            if (!IsPlainPath(path))
            {
                throw new ParameterException(QueryField,
                    $"{QueryField}: a key is not a parameter path (it is not repeated: a path is names of letters, digits, '_' and '-' joined by dots); {Allowed(options)}");
            }

            if (!options.AllowsParameterOverride(path))
            {
                throw new ParameterException(path, options.ParameterOverrides.Count == 0
                    ? $"{path}: this endpoint allows no parameter overrides; send the request without a query string."
                    : $"{path}: this endpoint does not allow overriding this parameter; {Allowed(options)}");
            }

            foreach (var value in values) overrides.Add($"{path}={value}");
        }

        return overrides;
    }

    /// <summary>
    /// What to tell the client about an override the parameters refused: the message of <paramref name="exception"/>,
    /// without the value it quotes, and without the list of every parameter when the path is unknown.
    /// </summary>
    public static string Describe(ParameterException exception)
    {
        var message = exception.Message;
        if (message.StartsWith("Unknown parameter '", StringComparison.Ordinal))
        {
            return $"{exception.Path}: the project has no parameter of that name.";
        }

        // "Parameter 'p' must be a number, not 'v'.": the first ", not '" ends what the parameter says (the value may hold another).
        var quoted = message.IndexOf(", not '", StringComparison.Ordinal);
        return quoted < 0 ? message : message[..quoted] + ".";
    }

    private static string Allowed(PipelineEndpointOptions options) => options.ParameterOverrides.Count == 0
        ? "this endpoint allows no parameter overrides."
        : $"it allows {string.Join(", ", options.ParameterOverrides)}.";

    private static bool IsPlainPath(string path)
    {
        if (path.Length is 0 or > LongestPath || path[0] == '.' || path[^1] == '.') return false;
        var previous = '.';
        foreach (var c in path)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (c == '.' && previous != '.'))) return false;
            previous = c;
        }

        return true;
    }
}
