// The edit distance behind every "did you mean": compile-time diagnostics and run-time errors suggest the
// same names. This file depends on the base class library only and is written for netstandard2.0 as well
// as net10.0: the source generator and the analyzers compile it too.
#nullable enable

using System;

namespace Compiled.Text
{
    /// <summary>Levenshtein distance between two names.</summary>
    internal static class EditDistance
    {
        /// <summary>The number of single-character insertions, deletions and substitutions that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
        public static int Between(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
