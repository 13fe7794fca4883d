using System.Collections.Immutable;
using Compiled.Generators.Model;
using Microsoft.CodeAnalysis;
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
            if (start.Compilation.GetTypeByMetadataName(Compiled.Generators.Parsing.KnownNames.NodeAttribute) is null) return;
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
                    IMethodSymbol method => Compiled.Generators.Parsing.SymbolNames.MemberId(method),
                    INamedTypeSymbol type => Compiled.Generators.Parsing.SymbolNames.MemberId(type),
                    _ => null,
                };
                if (id is null) return;
                foreach (var diagnostic in byMember.Value[id])
                {
                    symbol.ReportDiagnostic(Create(diagnostic, Locate(symbol.Symbol, diagnostic.Target.ParameterIndex), start.Compilation));
                }
            }, SymbolKind.Method, SymbolKind.NamedType);
        });
    }

    private static Diagnostic Create(DiagnosticInfo info, Location location, Compilation compilation)
    {
        var additional = info.AdditionalTargets
            .Select(target => target.File is { } file ? Locate(file) : Locate(compilation, target))
            .Where(l => l != Location.None)
            .ToList();
        return Diagnostic.Create(DiagnosticDescriptors.Get(info.Id), location, additional, info.Arguments.ToArray<object>());
    }

    private static Location Locate(FileLocation location) => Location.Create(
        location.FilePath,
        new TextSpan(location.Start, location.Length),
        new LinePositionSpan(new LinePosition(location.Line, location.Column), new LinePosition(location.EndLine, location.EndColumn)));

    private static Location Locate(ISymbol symbol, int parameterIndex)
    {
        if (parameterIndex >= 0 && symbol is IMethodSymbol method && parameterIndex < method.Parameters.Length)
        {
            return method.Parameters[parameterIndex].Locations.FirstOrDefault() ?? Location.None;
        }

        return symbol.Locations.FirstOrDefault() ?? Location.None;
    }

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
        var member = container?.GetMembers(typeName.Substring(dot + 1)).FirstOrDefault();
        return member is null ? Location.None : Locate(member, target.ParameterIndex);
    }
}
