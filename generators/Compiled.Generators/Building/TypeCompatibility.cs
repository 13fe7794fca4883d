using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>What a node input makes of the value it is given.</summary>
internal enum Acceptance
{
    /// <summary>C# passes the value as it is, or through an implicit conversion, without a warning.</summary>
    Accepted,

    /// <summary>C# passes it but warns that it may be null (CS8604, or CS8620 for nested annotations): CPL0018, a warning.</summary>
    MaybeNull,

    /// <summary>C# does not pass it (CS1503): CPL0003, an error.</summary>
    Rejected,
}

/// <summary>
/// The one place where the project's type rule lives: a node input may take what C# would accept as the argument of
/// a call, given a variable of the type the value has — identity, an implicit reference conversion (base class,
/// interface, variance), boxing, an implicit numeric conversion (<c>int</c> → <c>long</c>), <c>T</c> → <c>T?</c>, and
/// tuples of those; not a user-defined conversion (a node gets the producer's value, never a new object). A value's
/// type is its producer's: the producing node's output within a pipeline, a catalog dataset's type (its producers',
/// see <see cref="ProjectBuilder"/>), or for a runtime input or a catalog dataset no node writes, one its readers
/// all accept.
/// </summary>
/// <remarks>
/// Why this shape: models hold no symbols, so <c>Compilation.ClassifyConversion</c> cannot run while the model is
/// built. Instead <see cref="Questions"/> lists, from the parsed nodes alone, every pair of types that one dataset is
/// written and read as; <c>Parsing.TypeConversionReader</c> answers them with the compilation (a small step,
/// equatable output, nothing to do when every dataset has one type), and the model is built from those answers —
/// by the same code in the generator and the analyzers, so a pipeline the analyzers report is also one the generator
/// emits as a throwing <c>Run</c>, and generated code never fails to compile. Generated code keeps each value in a
/// local (or field) of the producer's type and passes it; C# performs the conversion at the call.
/// Not chosen: recording at parse time, per type, the names it converts to (base types, interfaces) — variance,
/// arrays, numeric and tuple conversions would be a re-implementation of C#'s rules, and every model would carry
/// long lists; nor deciding in the analyzers only — the generator would still write code that does not compile.
/// </remarks>
internal static class TypeCompatibility
{
    /// <summary>
    /// Every pair (a type a dataset is written or read as, another type it is read as) over the project's nodes, after
    /// modular pipelines renamed them: the conversions the rule may need to know about. Sorted, so it compares equal
    /// across runs.
    /// </summary>
    public static EquatableArray<TypeConversion> Questions(IReadOnlyList<NodeModel> nodes, IReadOnlyList<PipelineDeclaration> pipelines)
    {
        var declared = nodes.Distinct().ToList();
        var expanded = ModularPipelines.Expand(pipelines.GroupBy(p => p.Id, StringComparer.Ordinal).Select(g => g.First()).ToList(), declared, new List<DiagnosticInfo>());
        var all = expanded.Values.SelectMany(e => e.Nodes).Concat(declared).Distinct();
        var typesByDataset = new Dictionary<string, (HashSet<string> All, HashSet<string> Read)>(StringComparer.Ordinal);
        (HashSet<string> All, HashSet<string> Read) Types(string dataset) =>
            typesByDataset.TryGetValue(dataset, out var types)
                ? types
                : typesByDataset[dataset] = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        foreach (var node in all)
        {
            foreach (var output in node.Outputs) Types(output.Dataset).All.Add(output.TypeName);
            foreach (var parameter in node.Parameters.Where(p => p.Kind == NodeParameterKind.Input))
            {
                var types = Types(parameter.Binding);
                types.All.Add(parameter.TypeName);
                types.Read.Add(parameter.TypeName);
            }
        }

        return typesByDataset.Values
            .SelectMany(types => types.All.SelectMany(from => types.Read.Where(to => to != from).Select(to => new TypeConversion(from, to))))
            .Distinct()
            .OrderBy(q => q.From, StringComparer.Ordinal).ThenBy(q => q.To, StringComparer.Ordinal)
            .ToEquatableArray();
    }

    /// <summary>What an input of type <paramref name="to"/> makes of a value of type <paramref name="from"/>.</summary>
    public static Acceptance Accepts(TypeRef from, TypeRef to, TypeConversions conversions)
    {
        if (from.Name == to.Name) return Acceptance.Accepted;
        var conversion = SameWritten(from, to) ? new TypeConversion(from.Name, to.Name, IsIdentity: true) : conversions.Find(from.Name, to.Name);
        if (conversion is null) return Acceptance.Rejected;
        if (from.Nullability == TypeNullability.NullableReference && to.Nullability == TypeNullability.NonNullableReference) return Acceptance.MaybeNull;

        // One type but for nested annotations (List<string?> and List<string>; not tuple element names): C# warns for either
        // direction of an invariant type argument.
        var nestedAnnotationsDiffer = conversion.IsIdentity && from.NonNullableName != to.NonNullableName && from.UnannotatedName == to.UnannotatedName;
        return nestedAnnotationsDiffer ? Acceptance.MaybeNull : Acceptance.Accepted;
    }

    /// <summary>
    /// Whether a value of type <paramref name="from"/> is passed to an input of type <paramref name="to"/> that accepts it
    /// with <c>!</c>: when nullable annotations differ, so that generated code never carries the nullable warning itself
    /// (CPL0018 reports it at the node; a nested difference in a non-identity conversion is not reported).
    /// </summary>
    public static bool ForgivesNull(TypeRef from, TypeRef to) =>
        from.Name != to.Name && from.Name.IndexOf('?') >= 0;

    /// <summary>
    /// CPL0003 (rejected) or CPL0018 (may be null) at input <paramref name="parameterIndex"/> of <paramref name="consumer"/>, which
    /// reads <paramref name="dataset"/>, of type <paramref name="from"/> as <paramref name="fromNode"/> (at <paramref name="fromTarget"/>)
    /// writes or reads it; null when the input accepts it.
    /// </summary>
    public static DiagnosticInfo? Check(
        string dataset, TypeRef from, string fromNode, DiagnosticTarget fromTarget, NodeModel consumer, int parameterIndex, TypeConversions conversions)
    {
        var to = consumer.Parameters[parameterIndex].Type;
        var target = DiagnosticTarget.Parameter(consumer.Id, parameterIndex);
        return Accepts(from, to, conversions) switch
        {
            Acceptance.Rejected => DiagnosticInfo.Create(DiagnosticIds.TypeMismatch, target,
                $"dataset '{dataset}' is '{to.Name}' in node '{consumer.Name}' but '{from.Name}' in node '{fromNode}'" +
                (from.Nullability == TypeNullability.NullableValue && from.NonNullableName == to.Name ? $", which may be null: read it as '{from.Name}'" : ""))
                .WithAdditional(fromTarget),
            Acceptance.MaybeNull => DiagnosticInfo.Create(DiagnosticIds.NullableMismatch, target, dataset, consumer.Name, to.Name, from.Name, fromNode)
                .WithAdditional(fromTarget),
            _ => null,
        };
    }

    /// <summary>
    /// The type a value read by several inputs and written by none is given: the first of theirs that every other one
    /// accepts, or else the first (the others are then reported).
    /// </summary>
    public static int ChooseAmongReaders(IReadOnlyList<TypeRef> readers, TypeConversions conversions)
    {
        for (var i = 0; i < readers.Count; i++)
        {
            if (readers.All(to => Accepts(readers[i], to, conversions) == Acceptance.Accepted)) return i;
        }

        return 0;
    }

    /// <summary>Whether two producers' types are one, but for top-level reference annotations (a dataset may hold <c>string?</c> from one and <c>string</c> from another).</summary>
    public static bool SameWritten(TypeRef a, TypeRef b) => ReferenceErased(a) == ReferenceErased(b);

    private static string ReferenceErased(TypeRef type) => type.Nullability == TypeNullability.NullableReference ? type.NonNullableName : type.Name;
}
