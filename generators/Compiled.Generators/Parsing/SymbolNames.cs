using Microsoft.CodeAnalysis;

namespace Compiled.Generators.Parsing;

/// <summary>How symbols become the <c>global::</c>-qualified strings the models hold.</summary>
internal static class SymbolNames
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Type(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    /// <summary>The id of a method that diagnostics are reported against: <c>global::Ns.Type.Method</c>.</summary>
    public static string MemberId(IMethodSymbol method) => Type(method.ContainingType) + "." + method.Name;

    /// <summary>The id of a type that diagnostics are reported against: <c>global::Ns.Type</c>.</summary>
    public static string MemberId(INamedTypeSymbol type) => Type(type);

    public static string? ArrayElement(ITypeSymbol type) =>
        type is IArrayTypeSymbol { Rank: 1 } array ? Type(array.ElementType) : null;
}
