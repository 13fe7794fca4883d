using System.Globalization;
using Compiled.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Compiled.Generators.Building;

/// <summary>C# literals for YAML scalars, checked against the type they are bound into.</summary>
internal static class ScalarLiterals
{
    /// <summary>The literal for <paramref name="scalar"/> as <paramref name="kind"/>, or null when it does not fit.</summary>
    public static string? Format(YamlScalar scalar, ShapeKind kind, EquatableArray<string> enumMembers, string typeName)
    {
        var text = scalar.Value ?? "";
        switch (kind)
        {
            case ShapeKind.String:
                return String(text);
            case ShapeKind.Boolean:
                if (!scalar.IsPlain) return null;
                return text.ToLowerInvariant() switch { "true" => "true", "false" => "false", _ => null };
            case ShapeKind.Int32:
                return scalar.IsPlain && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
                    ? i.ToString(CultureInfo.InvariantCulture) : null;
            case ShapeKind.Int64:
                return scalar.IsPlain && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                    ? l.ToString(CultureInfo.InvariantCulture) + "L" : null;
            case ShapeKind.Double:
                return scalar.IsPlain && TryDouble(text, out var d) ? Double(d) : null;
            case ShapeKind.Single:
                return scalar.IsPlain && TryDouble(text, out var f) ? ((float)f).ToString("R", CultureInfo.InvariantCulture) + "f" : null;
            case ShapeKind.Decimal:
                return scalar.IsPlain && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)
                    ? m.ToString(CultureInfo.InvariantCulture) + "m" : null;
            case ShapeKind.Enum:
                foreach (var member in enumMembers)
                {
                    if (Naming.Loose(member) == Naming.Loose(text)) return typeName.TrimEnd('?') + "." + member;
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

    public static string String(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

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

    private static string Double(double value)
    {
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "double.NegativeInfinity";
        if (double.IsNaN(value)) return "double.NaN";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }
}
