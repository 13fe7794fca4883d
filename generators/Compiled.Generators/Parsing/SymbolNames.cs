using Compiled.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Compiled.Generators.Parsing;

/// <summary>How symbols become the <c>global::</c>-qualified strings the models hold.</summary>
internal static class SymbolNames
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Type(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    /// <summary>
    /// The type's name without nullable annotations: none on reference types at any depth (<c>List&lt;string?&gt;?</c> →
    /// <c>List&lt;string&gt;</c>), and the underlying type of a top-level <c>Nullable&lt;T&gt;</c> (<c>int?</c> → <c>int</c>).
    /// </summary>
    public static string UnannotatedType(ITypeSymbol type) =>
        (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type)
            .ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>The type's name and top-level nullability, as the model carries a node's parameter and output types.</summary>
    public static TypeRef TypeRef(ITypeSymbol type) => new(Type(type), UnannotatedType(type), type.IsValueType
        ? type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? TypeNullability.NullableValue : TypeNullability.NonNullableValue
        : type.NullableAnnotation switch
        {
            NullableAnnotation.Annotated => TypeNullability.NullableReference,
            NullableAnnotation.NotAnnotated => TypeNullability.NonNullableReference,
            _ => TypeNullability.ObliviousReference,
        },
        IsStruct: type is { IsValueType: true, TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } &&
            type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T,
        PartitionOf: type is INamedTypeSymbol { TypeArguments.Length: 1 } named && Type(named.OriginalDefinition) == PartitionsDefinition
            ? TypeRef(named.TypeArguments[0])
            : null);

    /// <summary>The open generic <c>Partitions&lt;T&gt;</c> as <see cref="Type"/> writes it.</summary>
    private const string PartitionsDefinition = "global::Compiled.Datasets.Partitions<T>";

    /// <summary>The id of a method that diagnostics are reported against: <c>global::Ns.Type.Method</c>.</summary>
    public static string MemberId(IMethodSymbol method) => Type(method.ContainingType) + "." + method.Name;

    /// <summary>The id of a type that diagnostics are reported against: <c>global::Ns.Type</c>.</summary>
    public static string MemberId(INamedTypeSymbol type) => Type(type);

    /// <summary>
    /// The row type of a dataset's data: the element type of a one-dimensional array type, or of the array a
    /// partitioned dataset's <c>Partitions&lt;T[]&gt;</c> holds; otherwise null.
    /// </summary>
    public static RowTypeModel? ArrayElement(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol { Rank: 1 } array => new RowTypeModel(Type(array.ElementType), IsCreatable(array.ElementType)),
        INamedTypeSymbol { Name: "Partitions", TypeArguments.Length: 1, ContainingNamespace: { Name: "Datasets", ContainingNamespace: { Name: "Compiled", ContainingNamespace.IsGlobalNamespace: true } } } partitions
            => partitions.TypeArguments[0] is IArrayTypeSymbol { Rank: 1 } rows ? new RowTypeModel(Type(rows.ElementType), IsCreatable(rows.ElementType)) : null,
        _ => null,
    };

    private static bool IsCreatable(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } named
        && named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public);
}
