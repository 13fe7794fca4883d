namespace Compiled.Generators.Model;

/// <summary>What kind of C# type a YAML value is bound into.</summary>
internal enum ShapeKind
{
    Unsupported,
    Boolean,
    Int32,
    Int64,
    Double,
    Single,
    Decimal,
    String,
    Enum,
    Collection,
    Object,
}

/// <summary>How a collection type is constructed.</summary>
internal enum CollectionKind
{
    None,
    Array,
    List,
    ReadOnlyInterface,
}

/// <summary>
/// The shape of a C# type as far as compile-time binding of parameters YAML needs it: scalar kind,
/// collection element, or the constructor parameters and settable properties of an object.
/// </summary>
internal sealed record TypeShape(
    string TypeName,
    ShapeKind Kind,
    bool IsNullable,
    CollectionKind Collection,
    TypeShape? Element,
    EquatableArray<ShapeMember> Members,
    EquatableArray<string> EnumMembers,
    bool IsRecord = false)
{
    /// <summary>The type's name without nullable annotations (<see cref="Parsing.SymbolNames.UnannotatedType"/>): two shapes of one type but for them have the same.</summary>
    public string UnannotatedTypeName { get; init; } = TypeName;

    /// <summary>The type's name without its top-level <c>?</c> (<c>int?</c> → <c>int</c>, <c>Options?</c> → <c>Options</c>), read from the symbol.</summary>
    public string NonNullableTypeName { get; init; } = TypeName;

    public static TypeShape Unsupported(string typeName) =>
        new(typeName, ShapeKind.Unsupported, false, CollectionKind.None, null, EquatableArray<ShapeMember>.Empty, EquatableArray<string>.Empty);

    public bool IsScalar => Kind is not (ShapeKind.Collection or ShapeKind.Object or ShapeKind.Unsupported);
}

/// <summary>
/// A member of an object shape: a constructor parameter (<see cref="ConstructorParameter"/> set) or a settable property.
/// <see cref="YamlKey"/> is the member name in snake_case.
/// </summary>
internal sealed record ShapeMember(string YamlKey, string MemberName, string? ConstructorParameter, bool IsRequired, TypeShape Shape);
