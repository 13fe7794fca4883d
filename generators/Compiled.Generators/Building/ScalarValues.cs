using System.Globalization;
using Compiled.Generators.Model;

namespace Compiled.Generators.Building;

/// <summary>YAML scalars read as the C# type they are bound into, checked against it.</summary>
internal static class ScalarValues
{
    /// <summary>
    /// <paramref name="scalar"/> as a value of <paramref name="kind"/>, or null when it does not fit.
    /// </summary>
    /// <param name="enumType">For <see cref="ShapeKind.Enum"/>, the enum's name without <c>?</c>.</param>
    public static BoundValue? Read(YamlScalar scalar, ShapeKind kind, EquatableArray<string> enumMembers, string enumType)
    {
        var text = scalar.Value ?? "";
        switch (kind)
        {
            case ShapeKind.String:
                return new StringValue(text);
            case ShapeKind.Boolean:
                if (!scalar.IsPlain) return null;
                return text.ToLowerInvariant() switch { "true" => new BooleanValue(true), "false" => new BooleanValue(false), _ => null };
            case ShapeKind.Int32:
                return scalar.IsPlain && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? new Int32Value(i) : null;
            case ShapeKind.Int64:
                return scalar.IsPlain && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? new Int64Value(l) : null;
            case ShapeKind.Double:
                return scalar.IsPlain && TryDouble(text, out var d) ? new DoubleValue(d) : null;
            case ShapeKind.Single:
                return scalar.IsPlain && TryDouble(text, out var f) ? new SingleValue((float)f) : null;
            case ShapeKind.Decimal:
                return scalar.IsPlain && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? new DecimalValue(m) : null;
            case ShapeKind.Enum:
                foreach (var member in enumMembers)
                {
                    if (Naming.Loose(member) == Naming.Loose(text)) return new EnumValue(enumType, member);
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The C# type a plain YAML scalar reads as when no C# type asks for it.</summary>
    public static ShapeKind Infer(YamlScalar scalar)
    {
        if (!scalar.IsPlain || scalar.Value is null) return ShapeKind.String;
        var text = scalar.Value;
        if (text is "true" or "false" or "True" or "False" or "TRUE" or "FALSE") return ShapeKind.Boolean;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return ShapeKind.Int32;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return ShapeKind.Int64;
        return TryDouble(text, out _) ? ShapeKind.Double : ShapeKind.String;
    }

    public static string TypeName(ShapeKind kind) => kind switch
    {
        ShapeKind.Boolean => "bool",
        ShapeKind.Int32 => "int",
        ShapeKind.Int64 => "long",
        ShapeKind.Double => "double",
        ShapeKind.Single => "float",
        ShapeKind.Decimal => "decimal",
        _ => "string",
    };

    private static bool TryDouble(string text, out double value)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or "+.inf": value = double.PositiveInfinity; return true;
            case "-.inf" or "-.Inf": value = double.NegativeInfinity; return true;
            case ".nan" or ".NaN": value = double.NaN; return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
