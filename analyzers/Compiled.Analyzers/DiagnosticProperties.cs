using System.Collections.Immutable;
using Compiled.Generators.Model;
using Compiled.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace Compiled.Analyzers;

/// <summary>
/// The keys of <see cref="Diagnostic.Properties"/> the code fixes read, and how the analyzer fills them:
/// from the model (the closest known name) and from the C# parameter the diagnostic is reported on
/// (the dataset kind that can carry its type, a YAML placeholder of its type).
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>CPL0001/CPL0002: the closest known dataset name or parameter path ("did you mean").</summary>
    public const string Suggestion = DiagnosticInfo.SuggestionKey;

    /// <summary>CPL0001: the dataset name nothing provides.</summary>
    public const string Dataset = "Dataset";

    /// <summary>CPL0001: a catalog <c>type</c> that can carry the C# type of the input (json, csv, text).</summary>
    public const string DatasetKind = "DatasetKind";

    /// <summary>CPL0001/CPL0002: "Attribute" when the name is an <c>[Input]</c>/<c>[Param]</c> argument, "Name" when it is the parameter's name.</summary>
    public const string BoundBy = "BoundBy";

    /// <summary>CPL0002: the dotted parameter path.</summary>
    public const string ParameterPath = "ParameterPath";

    /// <summary>
    /// CPL0002: a YAML placeholder of the parameter's C# type, written after <c>key:</c> — either
    /// <c>" 0"</c> for a scalar or lines starting with <c>"\n"</c> indented relative to the key.
    /// </summary>
    public const string Placeholder = "Placeholder";

    public static ImmutableDictionary<string, string?> For(DiagnosticInfo info, IParameterSymbol? parameter, bool boundByAttribute)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        foreach (var property in info.Properties) builder[property.Key] = property.Value;
        if (info.Id == DiagnosticIds.UnresolvedInput && info.Arguments.Count > 1)
        {
            builder[Dataset] = info.Arguments[1];
            builder[DatasetKind] = parameter is null ? "json" : KindFor(parameter.Type);
            if (parameter is not null) builder[BoundBy] = boundByAttribute ? "Attribute" : "Name";
        }
        else if (info.Id == DiagnosticIds.UnknownParameter && info.Arguments.Count > 1 && parameter is not null)
        {
            builder[ParameterPath] = info.Arguments[1];
            builder[BoundBy] = "Attribute";
            builder[Placeholder] = YamlPlaceholder.For(TypeShapeReader.Read(parameter.Type));
        }

        return builder.ToImmutable();
    }

    /// <summary>A built-in dataset type that can load and save <paramref name="type"/>: text for strings, binary for bytes, csv for arrays of rows, json otherwise.</summary>
    private static string KindFor(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_String } => "text",
        IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte } => "binary",
        IArrayTypeSymbol { Rank: 1, ElementType: INamedTypeSymbol { SpecialType: SpecialType.None, TypeKind: TypeKind.Class or TypeKind.Struct } } => "csv",
        _ => "json",
    };
}
