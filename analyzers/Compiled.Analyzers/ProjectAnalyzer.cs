using System.Collections.Immutable;
using Compiled.Generators.Model;
using Compiled.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Compiled.Analyzers;

/// <summary>
/// Reports the project model's diagnostics where they belong, live in the IDE and at build time:
/// YAML problems on the YAML file and line (through AdditionalFiles), node and pipeline problems on
/// the C# method, parameter or class. The model is built once per compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProjectAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All.ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.NodeAttribute) is null) return;
            var model = new Lazy<ProjectModel?>(() => ProjectModelReader.Read(start.Compilation, start.Options, start.CancellationToken));
            var byFile = new Lazy<ILookup<string, DiagnosticInfo>>(() => (model.Value?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty)
                .Where(d => d.Target.File is not null).ToLookup(d => d.Target.File!.FilePath, StringComparer.Ordinal));
            var byMember = new Lazy<ILookup<string, DiagnosticInfo>>(() => (model.Value?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty)
                .Where(d => d.Target.File is null && d.Target.MemberId is not null).ToLookup(d => d.Target.MemberId!, StringComparer.Ordinal));

            start.RegisterAdditionalFileAction(file =>
            {
                foreach (var diagnostic in byFile.Value[file.AdditionalFile.Path])
                {
                    file.ReportDiagnostic(Create(diagnostic, Locate(diagnostic.Target.File!), start.Compilation));
                }
            });

            start.RegisterSymbolAction(symbol =>
            {
                var id = symbol.Symbol switch
                {
                    IMethodSymbol method when HasAttributeLists(method, symbol.CancellationToken) && HasAttribute(method, KnownNames.NodeAttribute) => SymbolNames.MemberId(method),
                    INamedTypeSymbol type => SymbolNames.MemberId(type),
                    _ => null,
                };
                if (id is null) return;
                foreach (var diagnostic in byMember.Value[id])
                {
                    var (location, parameter, byAttribute) = Locate(symbol.Symbol, diagnostic, symbol.CancellationToken);
                    symbol.ReportDiagnostic(Create(diagnostic, location, start.Compilation, DiagnosticProperties.For(diagnostic, parameter, byAttribute)));
                }
            }, SymbolKind.Method, SymbolKind.NamedType);
        });
    }

    private static Diagnostic Create(DiagnosticInfo info, Location location, Compilation compilation, ImmutableDictionary<string, string?>? properties = null)
    {
        var additional = info.AdditionalTargets
            .Select(target => target.File is { } file ? Locate(file) : Locate(compilation, target))
            .Where(l => l != Location.None)
            .ToList();
        return Diagnostic.Create(DiagnosticDescriptors.Get(info.Id), location, additional, properties, info.Arguments.ToArray<object>());
    }

    private static Location Locate(FileLocation location) => Location.Create(
        location.FilePath,
        new TextSpan(location.Start, location.Length),
        new LinePositionSpan(new LinePosition(location.Line, location.Column), new LinePosition(location.EndLine, location.EndColumn)));

    /// <summary>
    /// Where a diagnostic on a C# member goes: a name that nothing provides (CPL0001, CPL0002) on the
    /// <c>[Input]</c>/<c>[Param]</c> argument or the <c>Artifacts</c> string that names it; otherwise the
    /// parameter, method or class name.
    /// </summary>
    private static (Location Location, IParameterSymbol? Parameter, bool ByAttribute) Locate(ISymbol symbol, DiagnosticInfo info, CancellationToken cancellationToken)
    {
        var namesSomething = info.Id is DiagnosticIds.UnresolvedInput or DiagnosticIds.UnknownParameter;
        if (info.Target.ParameterIndex >= 0 && symbol is IMethodSymbol method && info.Target.ParameterIndex < method.Parameters.Length)
        {
            var parameter = method.Parameters[info.Target.ParameterIndex];
            if (namesSomething)
            {
                foreach (var attribute in parameter.GetAttributes())
                {
                    var name = attribute.AttributeClass?.ToDisplayString();
                    if (name is not (KnownNames.InputAttribute or KnownNames.ParamAttribute)) continue;
                    if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax)
                    {
                        return (syntax.ArgumentList.Arguments[0].Expression.GetLocation(), parameter, true);
                    }
                }
            }

            return (parameter.Locations.FirstOrDefault() ?? Location.None, parameter, false);
        }

        if (namesSomething && symbol is INamedTypeSymbol type && info.Arguments.Count > 1)
        {
            var literal = type.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.PipelineAttribute)
                .Select(a => a.ApplicationSyntaxReference?.GetSyntax(cancellationToken))
                .SelectMany(syntax => syntax?.DescendantNodes().OfType<LiteralExpressionSyntax>() ?? Enumerable.Empty<LiteralExpressionSyntax>())
                .FirstOrDefault(l => l.IsKind(SyntaxKind.StringLiteralExpression) && l.Token.ValueText == info.Arguments[1]);
            if (literal is not null) return (literal.GetLocation(), null, true);
        }

        // A modular pipeline diagnostic: on the [Include] entry or namespace it names, when there is one.
        if (info.Id is DiagnosticIds.UnknownIncludeName or DiagnosticIds.IncludeNameOfWrongKind or DiagnosticIds.InvalidInclude &&
            symbol is INamedTypeSymbol pipelineType && info.Arguments.Count > 1 && info.Arguments[1].Length > 0)
        {
            var entry = pipelineType.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.IncludeAttribute)
                .Select(a => a.ApplicationSyntaxReference?.GetSyntax(cancellationToken))
                .SelectMany(syntax => syntax?.DescendantNodes().OfType<LiteralExpressionSyntax>() ?? Enumerable.Empty<LiteralExpressionSyntax>())
                .FirstOrDefault(l => l.IsKind(SyntaxKind.StringLiteralExpression) && l.Token.ValueText == info.Arguments[1]);
            if (entry is not null) return (entry.GetLocation(), null, true);
        }

        return (symbol.Locations.FirstOrDefault() ?? Location.None, null, false);
    }

    private static Location Locate(ISymbol symbol, int parameterIndex)
    {
        if (parameterIndex >= 0 && symbol is IMethodSymbol method && parameterIndex < method.Parameters.Length)
        {
            return method.Parameters[parameterIndex].Locations.FirstOrDefault() ?? Location.None;
        }

        return symbol.Locations.FirstOrDefault() ?? Location.None;
    }

    /// <summary>Whether a method is declared with attributes (its own, or its partial implementation's): only then can it be a node.</summary>
    private static bool HasAttributeLists(IMethodSymbol method, CancellationToken cancellationToken) =>
        method.DeclaringSyntaxReferences.Concat(method.PartialImplementationPart?.DeclaringSyntaxReferences ?? ImmutableArray<SyntaxReference>.Empty)
            .Any(reference => reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax { AttributeLists.Count: > 0 });

    private static bool HasAttribute(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == metadataName);

    /// <summary>Finds a C# member named by an additional target (the other producer, the other binding).</summary>
    private static Location Locate(Compilation compilation, DiagnosticTarget target)
    {
        if (target.MemberId is not { } id) return Location.None;
        var typeName = id.StartsWith("global::", StringComparison.Ordinal) ? id.Substring("global::".Length) : id;
        var type = compilation.GetTypeByMetadataName(typeName);
        if (type is not null) return Locate(type, target.ParameterIndex);
        var dot = typeName.LastIndexOf('.');
        if (dot < 0) return Location.None;
        var container = compilation.GetTypeByMetadataName(typeName.Substring(0, dot));
        var members = container?.GetMembers(typeName.Substring(dot + 1)) ?? ImmutableArray<ISymbol>.Empty;
        var member = members.FirstOrDefault(m => HasAttribute(m, KnownNames.NodeAttribute)) ?? members.FirstOrDefault();
        return member is null ? Location.None : Locate(member, target.ParameterIndex);
    }
}
