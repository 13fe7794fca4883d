using Microsoft.CodeAnalysis.CSharp;

namespace Compiled.Generators.Emit;

/// <summary>
/// User text (pipeline, node, dataset and parameter names, file paths) as it may appear in generated
/// C#: inside a string literal, or inside an XML documentation comment. Every emitter writes names
/// through these, so a name with a quote, a backslash or markup never breaks the generated code.
/// </summary>
internal static class CSharpText
{
    /// <summary>A quoted C# string literal of <paramref name="text"/>, escaped.</summary>
    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>Text for an XML documentation comment: markup escaped, on one line.</summary>
    public static string Xml(string text)
    {
        var escaped = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        return escaped.Any(char.IsControl) ? new string(escaped.Select(c => char.IsControl(c) ? ' ' : c).ToArray()) : escaped;
    }
}
