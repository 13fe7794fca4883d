using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Writes an override (<see cref="ParameterOverrideModel"/>) as the expression of its <c>WithOverride</c> arm, over the
/// locals <c>path</c> and <c>value</c>: the text parsed into the leaf's type, nested <c>with</c> expressions down to it,
/// then <c>.WithOverride(…)</c> for each parameter that takes the path as a runtime params key.
/// </summary>
internal static class ParameterOverrideText
{
    private const string Runtime = "global::Compiled.ParameterValue";

    /// <summary>The arm's expression.</summary>
    public static string Expression(ParameterOverrideModel entry)
    {
        var sets = string.Concat(entry.RuntimeTargets.Select(t => $".WithOverride({Literal(t.Path)}, {Value(t)})"));
        if (entry.Setter is null) return "this" + sets;
        var with = With(entry.Setter.Chain, Parse(entry.Setter.Parse));
        return sets.Length == 0 ? with : $"({with}){sets}";
    }

    private static string Parse(TextParse parse) => parse switch
    {
        ScalarParse scalar => Scalar(scalar, "path", "value"),
        ArrayParse array => Array(array),
        _ => throw new ArgumentOutOfRangeException(nameof(parse), parse.GetType().Name, "not a parse this writer knows"),
    };

    /// <summary>An expression parsing the locals <paramref name="path"/> and <paramref name="value"/> into the scalar's type.</summary>
    private static string Scalar(ScalarParse scalar, string path, string value)
    {
        var parse = scalar.Kind switch
        {
            ShapeKind.Boolean => $"{Runtime}.ParseBoolean({path}, {value})",
            ShapeKind.Int32 => $"{Runtime}.ParseInt32({path}, {value})",
            ShapeKind.Int64 => $"{Runtime}.ParseInt64({path}, {value})",
            ShapeKind.Double => $"{Runtime}.ParseDouble({path}, {value})",
            ShapeKind.Single => $"{Runtime}.ParseSingle({path}, {value})",
            ShapeKind.Decimal => $"{Runtime}.ParseDecimal({path}, {value})",
            ShapeKind.Enum => $"{Runtime}.ParseEnum<{scalar.TypeName}>({path}, {value})",
            _ => value,
        };
        return scalar.IsNullable ? $"{Runtime}.IsNull({value}) ? null : {parse}" : parse;
    }

    /// <summary>An expression parsing a list (<c>[a, b]</c> or <c>a,b</c>) of scalars into the collection type.</summary>
    private static string Array(ArrayParse array)
    {
        var items = $"{Runtime}.ParseArray<{array.ElementType}>(path, value, static (itemPath, item) => {Scalar(array.Element, "itemPath", "item")})";
        return array.Collection == CollectionKind.List ? $"new global::System.Collections.Generic.List<{array.ElementType}>({items})" : items;
    }

    /// <summary><c>this with { A = A with { B = parse } }</c> for the property chain A.B.</summary>
    private static string With(EquatableArray<string> chain, string parse)
    {
        var expression = parse;
        for (var depth = chain.Count - 1; depth >= 0; depth--)
        {
            var owner = depth == 0 ? "this" : string.Join(".", chain.Take(depth));
            expression = $"{owner} with {{ {chain[depth]} = {expression} }}";
        }

        return expression;
    }

    private static string Value(RuntimeParameterTarget target) =>
        (target.Prefix.Length == 0 ? "" : Literal(target.Prefix) + " + ") + "value" + (target.Suffix.Length == 0 ? "" : " + " + Literal(target.Suffix));
}
