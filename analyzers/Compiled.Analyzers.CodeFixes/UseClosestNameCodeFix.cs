using System.Collections.Immutable;
using System.Composition;
using Compiled.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Compiled.Analyzers.CodeFixes;

/// <summary>
/// CPL0001 / CPL0002 with a "did you mean": replaces the misspelled <c>[Input("…")]</c> /
/// <c>[Param("…")]</c> argument with the closest known name, or, for an input bound by the
/// parameter's own name, adds <c>[Input("closest")]</c> to the parameter.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseClosestNameCodeFix)), Shared]
public sealed class UseClosestNameCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnresolvedInput, DiagnosticIds.UnknownParameter);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Suggestion, out var suggestion) || string.IsNullOrEmpty(suggestion)) continue;
            diagnostic.Properties.TryGetValue(DiagnosticProperties.BoundBy, out var boundBy);
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var title = $"Use '{suggestion}'";
            if (boundBy == "Attribute" && node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, Literal(suggestion!).WithTriviaFrom(literal)))),
                        equivalenceKey: nameof(UseClosestNameCodeFix)),
                    diagnostic);
            }
            else if (boundBy == "Name" && diagnostic.Id == DiagnosticIds.UnresolvedInput && node.FirstAncestorOrSelf<ParameterSyntax>() is { } parameter)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => AddInputAttributeAsync(context.Document, root, parameter, suggestion!, cancellationToken),
                        equivalenceKey: nameof(UseClosestNameCodeFix)),
                    diagnostic);
            }
        }
    }

    private static LiteralExpressionSyntax Literal(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

    /// <summary><c>Matrix xTrian</c> → <c>[Input("X_train")] Matrix xTrian</c>, keeping the parameter's indentation.</summary>
    private static async Task<Document> AddInputAttributeAsync(Document document, SyntaxNode root, ParameterSyntax parameter, string dataset, CancellationToken cancellationToken)
    {
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var imported = semanticModel?.LookupNamespacesAndTypes(parameter.SpanStart, name: "InputAttribute")
            .Any(s => s.ToDisplayString() == Compiled.Generators.Parsing.KnownNames.InputAttribute) == true;
        var name = imported ? SyntaxFactory.IdentifierName("Input") : SyntaxFactory.ParseName("global::Compiled.Input");
        var attribute = SyntaxFactory.Attribute(name, SyntaxFactory.AttributeArgumentList(
            SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(Literal(dataset)))));
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithLeadingTrivia(parameter.GetLeadingTrivia())
            .WithTrailingTrivia(SyntaxFactory.Space);
        // The leading trivia (line break, indentation) moves from the parameter's first token to the new list.
        var bare = parameter.WithoutLeadingTrivia();
        var updated = bare.WithAttributeLists(bare.AttributeLists.Insert(0, list));
        return document.WithSyntaxRoot(root.ReplaceNode(parameter, updated));
    }
}
