using Compiled.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Compiled.Generators.Parsing;

/// <summary>
/// Describes the C# type a <c>[Param]</c> asks for, so parameters YAML can be bound into it at
/// compile time: scalars, enums, arrays and lists, and objects through their public constructor
/// parameters and settable properties.
/// </summary>
internal static class TypeShapeReader
{
    private const int MaxDepth = 8;

    public static TypeShape Read(ITypeSymbol type) => Read(type, 0);

    private static TypeShape Read(ITypeSymbol type, int depth) => ReadShape(type, depth) with
    {
        UnannotatedTypeName = SymbolNames.UnannotatedType(type),
        NonNullableTypeName = SymbolNames.Type(type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)),
    };

    private static TypeShape ReadShape(ITypeSymbol type, int depth)
    {
        var typeName = SymbolNames.Type(type);
        if (depth > MaxDepth) return TypeShape.Unsupported(typeName);

        var nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableValue)
        {
            var inner = Read(nullableValue.TypeArguments[0], depth);
            return inner with { TypeName = typeName, IsNullable = true };
        }

        var scalar = type.SpecialType switch
        {
            SpecialType.System_Boolean => ShapeKind.Boolean,
            SpecialType.System_Int32 => ShapeKind.Int32,
            SpecialType.System_Int64 => ShapeKind.Int64,
            SpecialType.System_Double => ShapeKind.Double,
            SpecialType.System_Single => ShapeKind.Single,
            SpecialType.System_Decimal => ShapeKind.Decimal,
            SpecialType.System_String => ShapeKind.String,
            _ => ShapeKind.Unsupported,
        };
        if (scalar != ShapeKind.Unsupported) return Simple(typeName, scalar, nullable);

        if (type.TypeKind == TypeKind.Enum)
        {
            var members = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name);
            return Simple(typeName, ShapeKind.Enum, nullable) with { EnumMembers = members.ToEquatableArray() };
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return Collection(typeName, CollectionKind.Array, Read(array.ElementType, depth + 1), nullable);
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic)
        {
            var definition = generic.OriginalDefinition.ToDisplayString();
            var kind = definition switch
            {
                "System.Collections.Generic.List<T>" => CollectionKind.List,
                "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.IReadOnlyCollection<T>"
                    or "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IList<T>"
                    or "System.Collections.Generic.ICollection<T>" => CollectionKind.ReadOnlyInterface,
                _ => CollectionKind.None,
            };
            if (kind != CollectionKind.None)
            {
                return Collection(typeName, kind, Read(generic.TypeArguments[0], depth + 1), nullable);
            }
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false } named)
        {
            return ReadObject(named, typeName, nullable, depth);
        }

        return TypeShape.Unsupported(typeName);
    }

    private static TypeShape ReadObject(INamedTypeSymbol type, string typeName, bool nullable, int depth)
    {
        var members = new List<ShapeMember>();
        var constructor = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal)
            .Where(c => !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null && type.TypeKind != TypeKind.Struct) return TypeShape.Unsupported(typeName);

        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (constructor is not null)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.RefKind != RefKind.None) return TypeShape.Unsupported(typeName);
                var name = Naming.ToPascalCase(parameter.Name);
                covered.Add(name);
                members.Add(new ShapeMember(Naming.ToSnakeCase(name), name, parameter.Name, !parameter.HasExplicitDefaultValue, Read(parameter.Type, depth + 1)));
            }
        }

        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public) continue;
            if (property.SetMethod is not { DeclaredAccessibility: Accessibility.Public or Accessibility.Internal }) continue;
            if (covered.Contains(property.Name)) continue;
            members.Add(new ShapeMember(Naming.ToSnakeCase(property.Name), property.Name, null, property.IsRequired, Read(property.Type, depth + 1)));
        }

        return new TypeShape(typeName, ShapeKind.Object, nullable, CollectionKind.None, null, members.ToEquatableArray(), EquatableArray<string>.Empty, type.IsRecord);
    }

    private static TypeShape Simple(string typeName, ShapeKind kind, bool nullable) =>
        new(typeName, kind, nullable, CollectionKind.None, null, EquatableArray<ShapeMember>.Empty, EquatableArray<string>.Empty);

    private static TypeShape Collection(string typeName, CollectionKind kind, TypeShape element, bool nullable) =>
        new(typeName, ShapeKind.Collection, nullable, kind, element, EquatableArray<ShapeMember>.Empty, EquatableArray<string>.Empty);
}
