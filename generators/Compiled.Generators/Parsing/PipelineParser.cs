using Compiled.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Compiled.Generators.Parsing;

/// <summary>Turns a <c>[Pipeline]</c> class, with its <c>[Include]</c> attributes, into a <see cref="PipelineDeclaration"/>.</summary>
internal static class PipelineParser
{
    public static PipelineDeclaration Parse(INamedTypeSymbol type, AttributeData attribute)
    {
        var id = SymbolNames.MemberId(type);
        var diagnostics = new List<DiagnosticInfo>();
        var nodeClasses = new List<string>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            var values = argument.Kind == TypedConstantKind.Array ? argument.Values : ImmutableArrayOf(argument);
            foreach (var value in values)
            {
                if (value.Value is INamedTypeSymbol nodeClass) nodeClasses.Add(SymbolNames.Type(nodeClass));
            }
        }

        string? name = null;
        string[] inputs = Array.Empty<string>(), artifacts = Array.Empty<string>();
        var attributeFailures = true;
        foreach (var argument in attribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case KnownNames.Pipeline.Name: name = argument.Value.Value as string; break;
                case KnownNames.Pipeline.Inputs: inputs = Strings(argument.Value); break;
                case KnownNames.Pipeline.Artifacts: artifacts = Strings(argument.Value); break;
                case KnownNames.Pipeline.AttributeFailures: attributeFailures = argument.Value.Value is not false; break;
            }
        }

        var isPartial = type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(m => m.ValueText == "partial"));
        if (!isPartial || type.ContainingType is not null || type.IsGenericType || type.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticIds.UnsupportedNode, DiagnosticTarget.Member(id), type.Name,
                "a [Pipeline] class must be a non-static, non-generic, top-level partial class"));
        }

        var includes = new List<IncludeDeclaration>();
        foreach (var include in type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.IncludeAttribute))
        {
            if (include.ConstructorArguments.Length != 1 || include.ConstructorArguments[0].Value is not INamedTypeSymbol target) continue;
            string? ns = null;
            string[] includeInputs = Array.Empty<string>(), outputs = Array.Empty<string>(), parameters = Array.Empty<string>(), tags = Array.Empty<string>();
            foreach (var argument in include.NamedArguments)
            {
                switch (argument.Key)
                {
                    case KnownNames.Include.Namespace: ns = argument.Value.Value as string; break;
                    case KnownNames.Include.Inputs: includeInputs = Strings(argument.Value); break;
                    case KnownNames.Include.Outputs: outputs = Strings(argument.Value); break;
                    case KnownNames.Include.Parameters: parameters = Strings(argument.Value); break;
                    case KnownNames.Include.Tags: tags = Strings(argument.Value); break;
                }
            }

            includes.Add(new IncludeDeclaration(SymbolNames.Type(target), ns, includeInputs.ToEquatableArray(), outputs.ToEquatableArray(),
                parameters.ToEquatableArray(), tags.ToEquatableArray()));
        }

        return new PipelineDeclaration(
            id,
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal",
            string.IsNullOrEmpty(name) ? null : name,
            nodeClasses.ToEquatableArray(),
            inputs.ToEquatableArray(),
            artifacts.ToEquatableArray(),
            diagnostics.ToEquatableArray())
        {
            Includes = includes.ToEquatableArray(),
            AttributeFailures = attributeFailures,
        };
    }

    private static IEnumerable<TypedConstant> ImmutableArrayOf(TypedConstant constant) => new[] { constant };

    private static string[] Strings(TypedConstant constant) =>
        constant.Kind == TypedConstantKind.Array ? constant.Values.Select(v => v.Value as string ?? "").ToArray() : Array.Empty<string>();
}
