using System.Text;
using Compiled.Generators.Model;

namespace Compiled.Analyzers;

/// <summary>
/// A YAML value that binds into a C# type shape (0, 0.0, false, "", the first enum member, [] or a
/// mapping of every member), for the "add the missing parameter" code fix.
/// </summary>
internal static class YamlPlaceholder
{
    /// <summary>What follows <c>key:</c>: <c>" 0"</c>, or <c>"\n  member: 0"</c> lines for an object.</summary>
    public static string For(TypeShape shape)
    {
        var builder = new StringBuilder();
        Write(shape, builder, 0);
        return builder.ToString();
    }

    private static void Write(TypeShape shape, StringBuilder builder, int depth)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Object when !shape.Members.IsEmpty && depth < 8:
                foreach (var member in shape.Members)
                {
                    builder.Append('\n').Append(' ', 2 * (depth + 1)).Append(member.YamlKey).Append(':');
                    Write(member.Shape, builder, depth + 1);
                }

                break;
            case ShapeKind.Object:
                builder.Append(" {}");
                break;
            case ShapeKind.Collection:
                builder.Append(" []");
                break;
            default:
                builder.Append(' ').Append(Scalar(shape));
                break;
        }
    }

    private static string Scalar(TypeShape shape) => shape.Kind switch
    {
        ShapeKind.Boolean => "false",
        ShapeKind.Int32 or ShapeKind.Int64 => "0",
        ShapeKind.Double or ShapeKind.Single or ShapeKind.Decimal => "0.0",
        ShapeKind.String => "\"\"",
        ShapeKind.Enum when !shape.EnumMembers.IsEmpty => Naming.ToSnakeCase(shape.EnumMembers[0]),
        _ => "null",
    };
}
