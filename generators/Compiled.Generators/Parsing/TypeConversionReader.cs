using Compiled.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Compiled.Generators.Parsing;

/// <summary>
/// Answers <see cref="Building.TypeCompatibility.Questions"/> with the compilation: binds each <c>global::</c> type name
/// and asks C# whether an implicit conversion, other than a user-defined one, exists. Reference nullability is left to
/// <see cref="Building.TypeCompatibility"/> (from each <see cref="TypeRef"/>); a name that does not bind converts to nothing.
/// </summary>
internal static class TypeConversionReader
{
    public static TypeConversions Read(EquatableArray<TypeConversion> questions, Compilation compilation, CancellationToken cancellationToken)
    {
        if (questions.IsEmpty || compilation is not CSharpCompilation csharp || csharp.SyntaxTrees.FirstOrDefault() is not { } tree) return TypeConversions.None;

        // Node signatures use types at least as accessible as the internal node methods, written fully qualified: they bind
        // the same anywhere in the compilation, so at the start of any of its files.
#pragma warning disable RS1030 // A type name binds only through a semantic model; this one is created once per call, for a speculative bind.
        var model = csharp.GetSemanticModel(tree);
#pragma warning restore RS1030
        var types = new Dictionary<string, ITypeSymbol?>(StringComparer.Ordinal);
        ITypeSymbol? Bind(string name)
        {
            if (types.TryGetValue(name, out var type)) return type;
            var bound = model.GetSpeculativeTypeInfo(0, SyntaxFactory.ParseTypeName(name), SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
            return types[name] = bound is null or IErrorTypeSymbol ? null : bound;
        }

        var found = new List<TypeConversion>();
        foreach (var question in questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Bind(question.From) is not { } from || Bind(question.To) is not { } to) continue;
            var conversion = csharp.ClassifyConversion(from, to);
            if (conversion.IsImplicit && !conversion.IsUserDefined) found.Add(question with { IsIdentity = conversion.IsIdentity });
        }

        return new TypeConversions(found.ToEquatableArray());
    }
}
