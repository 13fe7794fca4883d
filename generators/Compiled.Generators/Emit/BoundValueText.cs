using System.Globalization;
using Compiled.Generators.Model;
using static Compiled.Generators.Emit.CSharpText;

namespace Compiled.Generators.Emit;

/// <summary>
/// Writes a bound parameters value (<see cref="BoundValue"/>) as a C# expression: a generated record with one property per
/// line, indented by its depth; everything else (user types, collections, scalars) on one line.
/// </summary>
internal static class BoundValueText
{
    /// <summary>Writes <paramref name="prefix"/>, <paramref name="value"/> and <paramref name="suffix"/> as lines of <paramref name="w"/>.</summary>
    public static void Write(SourceWriter w, string prefix, BoundValue value, string suffix)
    {
        if (value is not RecordValue { Properties.IsEmpty: false } record)
        {
            w.Line(prefix + Inline(value) + suffix);
            return;
        }

        w.Line($"{prefix}new {record.TypeName}(");
        w.Indent();
        for (var i = 0; i < record.Properties.Count; i++)
        {
            var property = record.Properties[i];
            Write(w, property.Name + ": ", property.Value, i < record.Properties.Count - 1 ? "," : ")" + suffix);
        }

        w.Outdent();
    }

    /// <summary><paramref name="value"/> as a one-line C# expression.</summary>
    public static string Inline(BoundValue value) => value switch
    {
        NullValue => "null",
        UnboundValue => "default!",
        StringValue s => Literal(s.Value),
        BooleanValue b => b.Value ? "true" : "false",
        Int32Value i => i.Value.ToString(CultureInfo.InvariantCulture),
        Int64Value l => l.Value.ToString(CultureInfo.InvariantCulture) + "L",
        DoubleValue d => Double(d.Value),
        SingleValue f => Single(f.Value),
        DecimalValue m => m.Value.ToString(CultureInfo.InvariantCulture) + "m",
        EnumValue e => e.EnumType + "." + e.Member,
        CollectionValue { Collection: CollectionKind.List } list => $"new global::System.Collections.Generic.List<{list.ElementType}> {{ {Items(list.Items)} }}",
        CollectionValue array => $"new {array.ElementType}[] {{ {Items(array.Items)} }}",
        EmptyArrayValue empty => $"global::System.Array.Empty<{empty.ElementType}>()",
        ObjectValue o => Creation(o),
        RecordValue r => $"new {r.TypeName}({string.Join(", ", r.Properties.Select(p => $"{p.Name}: {Inline(p.Value)}"))})",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "not a bound value this writer knows"),
    };

    private static string Items(EquatableArray<BoundValue> items) => string.Join(", ", items.Select(Inline));

    private static string Creation(ObjectValue value)
    {
        var creation = $"new {value.TypeName}({string.Join(", ", value.Arguments.Select(a => $"{Naming.EscapeKeyword(a.Name)}: {Inline(a.Value)}"))})";
        return value.Initializers.IsEmpty ? creation : $"{creation} {{ {string.Join(", ", value.Initializers.Select(i => $"{i.Name} = {Inline(i.Value)}"))} }}";
    }

    private static string Double(double value)
    {
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "double.NegativeInfinity";
        if (double.IsNaN(value)) return "double.NaN";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(['.', 'E', 'e']) >= 0 ? text : text + ".0";
    }

    private static string Single(float value)
    {
        if (float.IsPositiveInfinity(value)) return "float.PositiveInfinity";
        if (float.IsNegativeInfinity(value)) return "float.NegativeInfinity";
        if (float.IsNaN(value)) return "float.NaN";
        return value.ToString("R", CultureInfo.InvariantCulture) + "f";
    }
}
