using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>
/// The C# that applies one dotted override (<c>model_options.test_size=0.3</c>) to the parameters
/// record: a parse of the text into the leaf's type, and nested <c>with</c> expressions down to it.
/// </summary>
internal static class ParameterOverrides
{
    private const string Runtime = "global::Compiled.ParameterValue";

    /// <summary>An expression parsing the locals <c>path</c> and <c>value</c> into the scalar <paramref name="shape"/>.</summary>
    public static string Parse(TypeShape shape, string path = "path", string value = "value")
    {
        var parse = shape.Kind switch
        {
            ShapeKind.Boolean => $"{Runtime}.ParseBoolean({path}, {value})",
            ShapeKind.Int32 => $"{Runtime}.ParseInt32({path}, {value})",
            ShapeKind.Int64 => $"{Runtime}.ParseInt64({path}, {value})",
            ShapeKind.Double => $"{Runtime}.ParseDouble({path}, {value})",
            ShapeKind.Single => $"{Runtime}.ParseSingle({path}, {value})",
            ShapeKind.Decimal => $"{Runtime}.ParseDecimal({path}, {value})",
            ShapeKind.Enum => $"{Runtime}.ParseEnum<{shape.TypeName.TrimEnd('?')}>({path}, {value})",
            _ => value,
        };
        return shape.IsNullable ? $"{Runtime}.IsNull({value}) ? null : {parse}" : parse;
    }

    /// <summary>An expression parsing a list (<c>[a, b]</c> or <c>a,b</c>) of scalars into the collection type.</summary>
    public static string ParseArray(TypeShape element, string elementType, CollectionKind collection)
    {
        var items = $"{Runtime}.ParseArray<{elementType}>(path, value, static (itemPath, item) => {Parse(element, "itemPath", "item")})";
        return collection == CollectionKind.List ? $"new global::System.Collections.Generic.List<{elementType}>({items})" : items;
    }

    /// <summary><c>this with { A = A with { B = parse } }</c> for the property chain A.B.</summary>
    public static string With(IReadOnlyList<string> chain, string parse)
    {
        var expression = parse;
        for (var depth = chain.Count - 1; depth >= 0; depth--)
        {
            var owner = depth == 0 ? "this" : string.Join(".", chain.Take(depth));
            expression = $"{owner} with {{ {chain[depth]} = {expression} }}";
        }

        return expression;
    }
}
