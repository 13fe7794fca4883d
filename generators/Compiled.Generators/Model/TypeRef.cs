namespace Compiled.Generators.Model;

/// <summary>Whether a type admits null at the top level, as C#'s nullable analysis sees the declaration.</summary>
internal enum TypeNullability
{
    /// <summary>A value type other than <c>Nullable&lt;T&gt;</c>: never null.</summary>
    NonNullableValue,

    /// <summary><c>Nullable&lt;T&gt;</c>, written <c>int?</c>.</summary>
    NullableValue,

    /// <summary>A reference type without <c>?</c> where nullable annotations are enabled.</summary>
    NonNullableReference,

    /// <summary>A reference type with <c>?</c>: <c>string?</c>.</summary>
    NullableReference,

    /// <summary>A reference type declared where nullable annotations are disabled: C# neither warns about it nor for it.</summary>
    ObliviousReference,
}

/// <summary>
/// A C# type as the project model carries it (in the spirit of System.Text.Json's <c>gen/Model/TypeRef.cs</c>): its
/// <c>global::</c>-qualified name with nullable annotations, as generated code writes it, and its top-level
/// nullability, read from the symbol at parse time. No symbol is kept: whether one type converts to another is a
/// fact computed where the compilation is (<see cref="TypeConversions"/>).
/// </summary>
/// <param name="UnannotatedName">The name without nullable annotations (<see cref="Parsing.SymbolNames.UnannotatedType"/>): equal for two types that differ only in them.</param>
/// <param name="IsStruct">
/// A struct of the user's or a library's, not a built-in type (<c>int</c>, <c>double</c>, <c>decimal</c>…), an enum or
/// <c>Nullable&lt;T&gt;</c>: a value the synchronous <c>Run</c> takes <c>in</c> when it is a runtime input (issue #16: copied
/// by value into an inlined <c>Run</c>, such a struct is split into its fields, and a node reading it whole then waits on
/// those separate stores; a three-node serving run cost 6× the same calls by hand).
/// </param>
/// <param name="PartitionOf">For <c>Compiled.Datasets.Partitions&lt;T&gt;</c>, <c>T</c> (what each partition loads); otherwise null.</param>
internal sealed record TypeRef(string Name, string UnannotatedName, TypeNullability Nullability, bool IsStruct = false, TypeRef? PartitionOf = null)
{
    /// <summary>The name without the top-level <c>?</c> (<c>int?</c> → <c>int</c>, <c>string?</c> → <c>string</c>).</summary>
    public string NonNullableName =>
        Nullability is TypeNullability.NullableValue or TypeNullability.NullableReference && Name.EndsWith("?", StringComparison.Ordinal)
            ? Name.Substring(0, Name.Length - 1)
            : Name;

    public override string ToString() => Name;
}

/// <summary>
/// A question the type rules ask about two of the project's types, or its answer: an implicit conversion from
/// <see cref="From"/> to <see cref="To"/>; <see cref="IsIdentity"/> when the two are one type but for nullable annotations.
/// </summary>
internal sealed record TypeConversion(string From, string To, bool IsIdentity = false);

/// <summary>
/// The implicit conversions C# has between the types the project's nodes exchange — identity, implicit reference
/// (base class, interface, variance), boxing, implicit numeric, nullable (<c>T</c> → <c>T?</c>) and tuple conversions;
/// not user-defined ones — for the pairs of names <see cref="Building.TypeCompatibility.Questions"/> asks about. Reference
/// nullability is not part of a conversion here: <see cref="Building.TypeCompatibility"/> applies it from <see cref="TypeRef.Nullability"/>.
/// Computed with the compilation (<c>Parsing.TypeConversionReader</c>); equatable, so the project step stays cached.
/// </summary>
internal sealed record TypeConversions(EquatableArray<TypeConversion> Implicit)
{
    public static readonly TypeConversions None = new(EquatableArray<TypeConversion>.Empty);

    /// <summary>The implicit conversion from <paramref name="from"/> to <paramref name="to"/>, or null (also for a pair nobody asked about).</summary>
    public TypeConversion? Find(string from, string to) =>
        from == to ? new TypeConversion(from, to, IsIdentity: true) : Implicit.FirstOrDefault(c => c.From == from && c.To == to);
}
