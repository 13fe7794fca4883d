// The grammar of ${resolver:key,default} in configuration values. This file depends on the base class library only
// and is written for netstandard2.0 as well as net10.0: the source generator and the analyzers compile it too, so that
// the build finds the same interpolations in a value that a run resolves.
#nullable enable

using System.Collections.Generic;

namespace Compiled.Config
{
    /// <summary>
    /// Finds the interpolations in a configuration value, as OmegaConf writes them and Kedro reads them:
    /// <list type="bullet">
    /// <item><c>${resolver:key}</c> or <c>${resolver:key,default}</c>; the resolver is a name (letters, digits, <c>_</c>,
    /// <c>.</c>, not starting with a digit); key and default are trimmed;</item>
    /// <item>the key ends at the first comma, so a default may hold colons and commas (<c>${runtime:url,http://host:80/a,b}</c>);</item>
    /// <item>braces inside balance (<c>${runtime:filter,{a: 1}}</c> has the default <c>{a: 1}</c>); an interpolation inside
    /// another (<c>${globals:a,${env:B}}</c>) is <see cref="InterpolationProblem.Nested"/>, which no resolver accepts;</item>
    /// <item>an interpolation whose braces never close is <see cref="InterpolationProblem.Unterminated"/>;</item>
    /// <item><c>${</c> not followed by <c>name:</c> (<c>${HOME}</c>), or written <c>\${</c>, is text.</item>
    /// </list>
    /// </summary>
    internal static class InterpolationSyntax
    {
        /// <summary>Whether <paramref name="text"/> may hold an interpolation (has a <c>${</c>): a cheap test before <see cref="Parse"/>.</summary>
        public static bool MayContain(string? text) => text != null && text.IndexOf("${", System.StringComparison.Ordinal) >= 0;

        /// <summary>The interpolations of <paramref name="text"/>, in order; text between them is everything else.</summary>
        public static List<InterpolationToken> Parse(string text)
        {
            var tokens = new List<InterpolationToken>();
            var position = 0;
            while (position < text.Length)
            {
                var start = text.IndexOf("${", position, System.StringComparison.Ordinal);
                if (start < 0) break;
                position = start + 2;
                if (start > 0 && text[start - 1] == '\\') continue; // escaped: text
                var colon = ResolverEnd(text, start + 2);
                if (colon < 0) continue; // not an interpolation: text

                var depth = 0;
                var comma = -1;
                var nested = false;
                var end = colon + 1;
                for (; end < text.Length; end++)
                {
                    var c = text[end];
                    if (c == '{')
                    {
                        depth++;
                        nested |= text[end - 1] == '$';
                    }
                    else if (c == '}')
                    {
                        if (depth == 0) break;
                        depth--;
                    }
                    else if (c == ',' && depth == 0 && comma < 0)
                    {
                        comma = end;
                    }
                }

                var resolver = text.Substring(start + 2, colon - start - 2);
                if (end >= text.Length)
                {
                    tokens.Add(new InterpolationToken(text.Substring(start), start, resolver, "", null, InterpolationProblem.Unterminated));
                    break;
                }

                var keyEnd = comma < 0 ? end : comma;
                var key = text.Substring(colon + 1, keyEnd - colon - 1).Trim();
                var fallback = comma < 0 ? null : text.Substring(comma + 1, end - comma - 1).Trim();
                tokens.Add(new InterpolationToken(text.Substring(start, end + 1 - start), start, resolver, key, fallback,
                    nested ? InterpolationProblem.Nested : InterpolationProblem.None));
                position = end + 1;
            }

            return tokens;
        }

        /// <summary>What to do about a malformed interpolation, said the same way by the build and a run.</summary>
        public static string Help(InterpolationProblem problem) => problem switch
        {
            InterpolationProblem.Unterminated => "the interpolation is never closed: end it with '}', or write '\\${' for a literal '${'",
            InterpolationProblem.Nested => "an interpolation cannot be written inside another: give a literal default, or move the inner value into globals.yml",
            _ => "",
        };

        /// <summary>The index of the ':' that ends a resolver name starting at <paramref name="from"/>, or -1 if none is there.</summary>
        private static int ResolverEnd(string text, int from)
        {
            if (from >= text.Length || !(char.IsLetter(text[from]) && text[from] < 128 || text[from] == '_')) return -1;
            var i = from + 1;
            while (i < text.Length && (text[i] < 128 && char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.')) i++;
            return i < text.Length && text[i] == ':' ? i : -1;
        }
    }

    /// <summary>One <c>${resolver:key}</c> or <c>${resolver:key,default}</c> in a configuration value.</summary>
    internal readonly struct InterpolationToken
    {
        /// <summary>Creates a token.</summary>
        public InterpolationToken(string written, int start, string resolver, string key, string? fallback, InterpolationProblem problem)
        {
            Written = written;
            Start = start;
            Resolver = resolver;
            Key = key;
            Default = fallback;
            Problem = problem;
        }

        /// <summary>The interpolation as written, from <c>${</c> to its <c>}</c> (to the end of the text when unterminated).</summary>
        public string Written { get; }

        /// <summary>Where it starts in the text.</summary>
        public int Start { get; }

        /// <summary>Where the text after it starts.</summary>
        public int End => Start + Written.Length;

        /// <summary>The resolver's name as written (<c>runtime</c>, <c>runtime_params</c>, <c>globals</c>, <c>env</c>…).</summary>
        public string Resolver { get; }

        /// <summary>The key, trimmed.</summary>
        public string Key { get; }

        /// <summary>The default after the first comma, trimmed, or null when none is written.</summary>
        public string? Default { get; }

        /// <summary>Whether a default is written (it may be empty).</summary>
        public bool HasDefault => Default != null;

        /// <summary>What is wrong with it, if anything.</summary>
        public InterpolationProblem Problem { get; }
    }

    /// <summary>What makes an interpolation unusable.</summary>
    internal enum InterpolationProblem
    {
        /// <summary>Well formed.</summary>
        None,

        /// <summary>Its braces never close.</summary>
        Unterminated,

        /// <summary>Another interpolation is written inside it.</summary>
        Nested,
    }
}
