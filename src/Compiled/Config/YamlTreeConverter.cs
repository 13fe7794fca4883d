// The rules by which a YAML document becomes a tree of configuration values. This file depends on the base class
// library and YamlDotNet only and is written for netstandard2.0 as well as net10.0: the source generator and the
// analyzers compile it too, so that the build and a run read merge keys, aliases and nulls the same way.
#nullable enable

using System;
using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Compiled.Config
{
    /// <summary>
    /// Turns YamlDotNet's node graph, in which an alias is the very node it names (so a graph can have cycles and shared
    /// parts), into a tree of <typeparamref name="TNode"/>, the caller's own value type. The rules are YAML's and the same
    /// at compile time and at run time:
    /// <list type="bullet">
    /// <item>merge keys (<c>&lt;&lt;: *defaults</c>): the named mapping's entries take the place of the <c>&lt;&lt;</c> entry; a key
    /// written in the mapping wins over a merged one, and an earlier mapping of a <c>&lt;&lt;</c> list over a later one;</item>
    /// <item>an alias to a mapping or list that contains it is an error, not an endless tree;</item>
    /// <item>a document that expands past <see cref="YamlRules.MaxValues"/> values through its aliases is an error, not a hang;</item>
    /// <item>a plain <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c> or empty scalar is null (<see cref="YamlRules.IsNull"/>).</item>
    /// </list>
    /// Errors are thrown as <see cref="YamlException"/> at the node they are about, as YamlDotNet's own are.
    /// </summary>
    /// <typeparam name="TNode">The tree's value type.</typeparam>
    internal abstract class YamlTreeConverter<TNode>
        where TNode : class
    {
        private readonly HashSet<YamlNode> _open = new HashSet<YamlNode>(NodeIdentity.Instance);
        private int _values;
        private YamlNode? _topLevelKey; // the top-level key being read: where an expansion past the limit is reported

        /// <summary>Converts <paramref name="node"/>.</summary>
        /// <param name="node">The node to convert.</param>
        /// <param name="referrer">Where it is referred to from (its key, or the list it is in): the place of an error about it.</param>
        public TNode Convert(YamlNode node, YamlNode referrer)
        {
            Count(referrer);
            switch (node)
            {
                case YamlMappingNode mapping:
                    return Mapping(mapping, Entries(mapping, referrer));
                case YamlSequenceNode sequence:
                    Open(sequence, referrer);
                    var items = new List<TNode>(sequence.Children.Count);
                    foreach (var item in sequence.Children) items.Add(Convert(item, sequence));
                    _open.Remove(sequence);
                    return Sequence(sequence, items);
                case YamlScalarNode scalar:
                    var plain = YamlRules.IsPlain(scalar.Style);
                    return Scalar(scalar, YamlRules.IsNull(scalar.Style, scalar.Value) ? null : scalar.Value, plain);
                default:
                    return Scalar(node, null, true);
            }
        }

        /// <summary>A mapping, from its entries in file order with merge keys resolved.</summary>
        protected abstract TNode Mapping(YamlMappingNode node, List<YamlTreeEntry<TNode>> entries);

        /// <summary>A list.</summary>
        protected abstract TNode Sequence(YamlSequenceNode node, List<TNode> items);

        /// <summary>A scalar: <paramref name="value"/> is null for YAML's null; <paramref name="plain"/> is false when it was quoted.</summary>
        protected abstract TNode Scalar(YamlNode node, string? value, bool plain);

        /// <summary>The text of a key that is a mapping or a list rather than a scalar.</summary>
        protected abstract string ComplexKey(YamlNode key);

        private List<YamlTreeEntry<TNode>> Entries(YamlMappingNode mapping, YamlNode referrer)
        {
            var isRoot = _open.Count == 0;
            Open(mapping, referrer);
            var entries = new List<YamlTreeEntry<TNode>>(mapping.Children.Count);
            var written = new HashSet<string>(StringComparer.Ordinal);
            foreach (var child in mapping.Children)
            {
                if (!IsMergeKey(child.Key)) written.Add(Key(child.Key));
            }

            var merged = new HashSet<string>(StringComparer.Ordinal);
            foreach (var child in mapping.Children)
            {
                if (isRoot) _topLevelKey = child.Key;
                if (!IsMergeKey(child.Key))
                {
                    entries.Add(new YamlTreeEntry<TNode>(Key(child.Key), child.Key, Convert(child.Value, child.Key)));
                    continue;
                }

                var sources = child.Value is YamlSequenceNode list ? list.Children : (IList<YamlNode>)new[] { child.Value };
                foreach (var source in sources)
                {
                    if (source is not YamlMappingNode sourceMapping)
                        throw new YamlException(child.Key.Start, child.Key.End, "the merge key '<<' must name a mapping or a list of mappings (e.g. <<: *defaults)");
                    if (_open.Contains(source)) throw new YamlException(child.Key.Start, child.Key.End, "the merge key '<<' names a mapping that contains it");
                    Count(child.Key);
                    foreach (var entry in Entries(sourceMapping, child.Key))
                    {
                        if (!written.Contains(entry.Key) && merged.Add(entry.Key)) entries.Add(entry);
                    }
                }
            }

            _open.Remove(mapping);
            return entries;
        }

        private void Count(YamlNode referrer)
        {
            if (++_values <= YamlRules.MaxValues) return;
            var at = _topLevelKey ?? referrer;
            throw new YamlException(at.Start, at.End, $"the document expands to more than {YamlRules.MaxValues:N0} values through its aliases");
        }

        private void Open(YamlNode node, YamlNode referrer)
        {
            if (!_open.Add(node)) throw new YamlException(referrer.Start, referrer.End, "an alias here names a mapping or list that contains it");
        }

        private static bool IsMergeKey(YamlNode key) =>
            key is YamlScalarNode { Value: "<<" } scalar && YamlRules.IsPlain(scalar.Style) &&
            (scalar.Tag.IsEmpty || scalar.Tag.Value == "tag:yaml.org,2002:merge");

        private string Key(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : ComplexKey(key);

        /// <summary>Nodes by identity: YamlDotNet's own equality walks the node graph, which aliases can make cyclic.</summary>
        private sealed class NodeIdentity : IEqualityComparer<YamlNode>
        {
            public static readonly NodeIdentity Instance = new NodeIdentity();

            public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

            public int GetHashCode(YamlNode node) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(node);
        }
    }

    /// <summary>One entry of a converted mapping: its key, the key's node (for its place) and the converted value.</summary>
    /// <typeparam name="TNode">The tree's value type.</typeparam>
    internal readonly struct YamlTreeEntry<TNode>
    {
        /// <summary>Creates an entry.</summary>
        public YamlTreeEntry(string key, YamlNode keyNode, TNode value)
        {
            Key = key;
            KeyNode = keyNode;
            Value = value;
        }

        /// <summary>The key's text.</summary>
        public string Key { get; }

        /// <summary>The key as parsed: where it was written (a merged entry's key is in the mapping it was merged from).</summary>
        public YamlNode KeyNode { get; }

        /// <summary>The value.</summary>
        public TNode Value { get; }
    }

    /// <summary>How a configuration file's YAML document is loaded and how its scalars read, the same for the build and a run.</summary>
    internal static class YamlRules
    {
        /// <summary>The most values a document may hold once its aliases and merge keys are expanded.</summary>
        public const int MaxValues = 100_000;

        /// <summary>
        /// The first document's root node, or null for an empty document (nothing, or a lone null scalar).
        /// Throws what YamlDotNet throws on malformed input.
        /// </summary>
        public static YamlNode? LoadRoot(IParser parser)
        {
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0) return null;
            var root = stream.Documents[0].RootNode;
            return root is YamlScalarNode scalar && IsNull(scalar.Style, scalar.Value) ? null : root;
        }

        /// <summary>Whether a scalar was written plain (unquoted, not a block scalar): only plain scalars can be null or typed.</summary>
        public static bool IsPlain(ScalarStyle style) => style == ScalarStyle.Plain || style == ScalarStyle.Any;

        /// <summary>Whether a scalar is YAML's null: plain and empty, <c>~</c>, <c>null</c>, <c>Null</c> or <c>NULL</c>.</summary>
        public static bool IsNull(ScalarStyle style, string? value) =>
            value is null || (IsPlain(style) && value is "" or "~" or "null" or "Null" or "NULL");
    }
}
