namespace Compiled.Pipelines;

/// <summary>"Did you mean": the closest known name to a misspelt one, by edit distance.</summary>
public static class NameSuggestions
{
    /// <summary>The candidate closest to <paramref name="name"/> (ignoring case), or null when none is close (distance over a third of the length, at least 2).</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            // Kedro's hint for node names: the name inside a namespace ("train_model" for "active.train_model"); and a
            // name cut short ("act" for "active").
            var distance = candidate.EndsWith("." + name, StringComparison.Ordinal) || (name.Length > 0 && candidate.StartsWith(name, StringComparison.Ordinal))
                ? 1
                : global::Compiled.Text.EditDistance.Between(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && IsBetterTie(candidate, best!, name)))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or "", for appending to a message.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } match ? $" Did you mean '{match}'?" : "";

    /// <summary>Between equally distant candidates, the one closest in length, then the first in ordinal order.</summary>
    private static bool IsBetterTie(string candidate, string best, string name)
    {
        var lengths = Math.Abs(candidate.Length - name.Length).CompareTo(Math.Abs(best.Length - name.Length));
        return lengths < 0 || (lengths == 0 && string.CompareOrdinal(candidate, best) < 0);
    }
}
