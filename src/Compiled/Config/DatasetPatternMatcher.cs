// Pure matching of dataset factory patterns. This file depends on the base class library only and is
// written for netstandard2.0 as well as net10.0: the source generator compiles it too, so that names
// are resolved against patterns the same way at compile time and at run time.
#nullable enable

using System;
using System.Collections.Generic;
using System.Text;

namespace Compiled.Config
{
    /// <summary>
    /// Kedro's dataset factories: a catalog entry whose name has <c>{placeholders}</c>, such as
    /// <c>"{name}_csv"</c> or <c>"{namespace}.{name}"</c>, configures every dataset whose name matches it.
    /// A placeholder matches one or more characters (as few as possible, as Kedro's <c>parse</c> does);
    /// the whole name must match. When several patterns match, the most specific wins, in Kedro's order:
    /// more characters outside the placeholders first, then more placeholders, then the pattern that sorts
    /// first (ordinal).
    /// </summary>
    public static class DatasetPatternMatcher
    {
        /// <summary>Whether <paramref name="name"/> is a pattern (has a <c>{</c>), as Kedro decides.</summary>
        public static bool IsPattern(string name) => name != null && name.IndexOf('{') >= 0;

        /// <summary>
        /// Whether <paramref name="pattern"/> is well formed: every <c>{</c> closed by a <c>}</c>, each
        /// placeholder named by a non-empty identifier (letters, digits, <c>_</c>), no two placeholders side by side.
        /// </summary>
        /// <param name="pattern">The pattern.</param>
        /// <param name="error">Why it is not, or null.</param>
        public static bool IsValid(string pattern, out string? error)
        {
            error = null;
            if (pattern == null)
            {
                error = "the pattern is null";
                return false;
            }
            var previousWasPlaceholder = false;
            var i = 0;
            while (i < pattern.Length)
            {
                var c = pattern[i];
                if (c == '}')
                {
                    error = "'}' at position " + i + " closes no placeholder";
                    return false;
                }
                if (c != '{')
                {
                    previousWasPlaceholder = false;
                    i++;
                    continue;
                }
                var end = pattern.IndexOf('}', i + 1);
                if (end < 0)
                {
                    error = "'{' at position " + i + " is not closed";
                    return false;
                }
                var name = pattern.Substring(i + 1, end - i - 1);
                if (!IsPlaceholderName(name))
                {
                    error = "'{" + name + "}' is not a placeholder: use a name of letters, digits and '_'";
                    return false;
                }
                if (previousWasPlaceholder)
                {
                    error = "'{" + name + "}' follows another placeholder directly, which makes the match ambiguous";
                    return false;
                }
                previousWasPlaceholder = true;
                i = end + 1;
            }
            return true;
        }

        /// <summary>
        /// Matches <paramref name="name"/> against <paramref name="pattern"/>: <c>TryMatch("{name}_csv", "shuttles_csv", out c)</c>
        /// is true with <c>c["name"] == "shuttles"</c>. A placeholder used twice must capture the same text both times.
        /// </summary>
        /// <param name="pattern">The pattern, e.g. <c>"{namespace}.{name}"</c>.</param>
        /// <param name="name">The dataset name.</param>
        /// <param name="captures">The text each placeholder matched; empty when there is no match.</param>
        /// <returns>Whether the whole name matches; false for a malformed pattern.</returns>
        public static bool TryMatch(string pattern, string name, out IReadOnlyDictionary<string, string> captures)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            captures = result;
            if (pattern == null || name == null || !IsValid(pattern, out _)) return false;
            var parts = Parse(pattern);
            if (Match(parts, 0, name, 0, result)) return true;
            result.Clear();
            return false;
        }

        /// <summary>
        /// The number of characters of <paramref name="pattern"/> outside its placeholders: Kedro's
        /// specificity (<c>"{name}_csv"</c> → 4).
        /// </summary>
        public static int Specificity(string pattern)
        {
            var count = 0;
            foreach (var part in Parse(pattern))
            {
                if (!part.IsPlaceholder) count += part.Text.Length;
            }
            return count;
        }

        /// <summary>The number of placeholders of <paramref name="pattern"/>.</summary>
        public static int PlaceholderCount(string pattern)
        {
            var count = 0;
            foreach (var part in Parse(pattern))
            {
                if (part.IsPlaceholder) count++;
            }
            return count;
        }

        /// <summary>
        /// Compares two patterns in Kedro's resolution order: negative when <paramref name="x"/> is tried
        /// first (more specific): higher <see cref="Specificity"/>, then more placeholders, then ordinal order.
        /// </summary>
        public static int Compare(string x, string y)
        {
            var bySpecificity = Specificity(y).CompareTo(Specificity(x));
            if (bySpecificity != 0) return bySpecificity;
            var byPlaceholders = PlaceholderCount(y).CompareTo(PlaceholderCount(x));
            return byPlaceholders != 0 ? byPlaceholders : string.CompareOrdinal(x, y);
        }

        /// <summary>The patterns among <paramref name="names"/> (names with a <c>{</c>), in resolution order.</summary>
        public static List<string> SortPatterns(IEnumerable<string> names)
        {
            var patterns = new List<string>();
            foreach (var name in names)
            {
                if (IsPattern(name)) patterns.Add(name);
            }
            patterns.Sort(Compare);
            return patterns;
        }

        /// <summary>
        /// The most specific of <paramref name="patterns"/> that matches <paramref name="name"/>, with its captures.
        /// Names without placeholders among <paramref name="patterns"/> are ignored: an explicit entry is looked up before patterns.
        /// </summary>
        /// <param name="patterns">Catalog entry names; those without <c>{</c> are skipped.</param>
        /// <param name="name">The dataset name.</param>
        /// <param name="pattern">The winning pattern, or null.</param>
        /// <param name="captures">Its captures; empty when none matches.</param>
        public static bool TryResolve(IEnumerable<string> patterns, string name, out string? pattern, out IReadOnlyDictionary<string, string> captures)
        {
            foreach (var candidate in SortPatterns(patterns))
            {
                if (TryMatch(candidate, name, out captures))
                {
                    pattern = candidate;
                    return true;
                }
            }
            pattern = null;
            captures = new Dictionary<string, string>(StringComparer.Ordinal);
            return false;
        }

        /// <summary>
        /// Replaces each <c>{placeholder}</c> of <paramref name="template"/> (a value of a pattern entry, e.g.
        /// <c>data/01_raw/{name}.csv</c>) with its capture.
        /// </summary>
        /// <param name="template">The text.</param>
        /// <param name="captures">The captures of the match.</param>
        /// <param name="result">The text with placeholders replaced.</param>
        /// <param name="unknown">The first placeholder that has no capture, or null.</param>
        /// <returns>False when a placeholder has no capture.</returns>
        public static bool TrySubstitute(string template, IReadOnlyDictionary<string, string> captures, out string result, out string? unknown)
        {
            unknown = null;
            result = template;
            if (template == null || template.IndexOf('{') < 0) return true;
            var builder = new StringBuilder(template.Length + 16);
            var i = 0;
            while (i < template.Length)
            {
                var c = template[i];
                var end = c == '{' ? template.IndexOf('}', i + 1) : -1;
                if (end < 0)
                {
                    builder.Append(c);
                    i++;
                    continue;
                }
                var key = template.Substring(i + 1, end - i - 1);
                if (!IsPlaceholderName(key))
                {
                    // Not a placeholder (e.g. "${runtime:x}" or JSON text): keep it as written.
                    builder.Append(c);
                    i++;
                    continue;
                }
                if (!captures.TryGetValue(key, out var value))
                {
                    unknown = key;
                    return false;
                }
                builder.Append(value);
                i = end + 1;
            }
            result = builder.ToString();
            return true;
        }

        private static bool IsPlaceholderName(string name)
        {
            if (name.Length == 0) return false;
            foreach (var c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_')) return false;
            }
            return true;
        }

        private struct Part
        {
            public Part(string text, bool isPlaceholder)
            {
                Text = text;
                IsPlaceholder = isPlaceholder;
            }

            public string Text { get; }

            public bool IsPlaceholder { get; }
        }

        private static List<Part> Parse(string pattern)
        {
            var parts = new List<Part>();
            var literal = new StringBuilder();
            var i = 0;
            while (i < pattern.Length)
            {
                var c = pattern[i];
                var end = c == '{' ? pattern.IndexOf('}', i + 1) : -1;
                if (end < 0)
                {
                    literal.Append(c);
                    i++;
                    continue;
                }
                if (literal.Length > 0)
                {
                    parts.Add(new Part(literal.ToString(), false));
                    literal.Clear();
                }
                parts.Add(new Part(pattern.Substring(i + 1, end - i - 1), true));
                i = end + 1;
            }
            if (literal.Length > 0) parts.Add(new Part(literal.ToString(), false));
            return parts;
        }

        // Backtracking match; placeholders take as few characters as possible (at least one), so that
        // "{namespace}.{name}" splits "a.b.c" into "a" and "b.c", as Kedro does.
        private static bool Match(List<Part> parts, int index, string name, int position, Dictionary<string, string> captures)
        {
            if (index == parts.Count) return position == name.Length;
            var part = parts[index];
            if (!part.IsPlaceholder)
            {
                if (string.CompareOrdinal(name, position, part.Text, 0, part.Text.Length) != 0 || name.Length - position < part.Text.Length) return false;
                return Match(parts, index + 1, name, position + part.Text.Length, captures);
            }
            if (captures.TryGetValue(part.Text, out var previous))
            {
                if (name.Length - position < previous.Length || string.CompareOrdinal(name, position, previous, 0, previous.Length) != 0) return false;
                return Match(parts, index + 1, name, position + previous.Length, captures);
            }
            for (var length = 1; position + length <= name.Length; length++)
            {
                captures[part.Text] = name.Substring(position, length);
                if (Match(parts, index + 1, name, position + length, captures)) return true;
            }
            captures.Remove(part.Text);
            return false;
        }
    }
}
