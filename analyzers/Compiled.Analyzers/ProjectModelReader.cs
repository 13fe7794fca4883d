using System.Collections.Immutable;
using Compiled.Generators.Building;
using Compiled.Generators.Model;
using Compiled.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Compiled.Analyzers;

/// <summary>
/// Builds the project model from a whole compilation, with the same parse and build code the
/// generator uses incrementally: every <c>[Node]</c> method and <c>[Pipeline]</c> class of the
/// source assembly plus the <c>conf/base</c> YAML among the AdditionalFiles.
/// </summary>
internal static class ProjectModelReader
{
    public static ProjectModel? Read(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var nodeAttribute = compilation.GetTypeByMetadataName(KnownNames.NodeAttribute);
        var pipelineAttribute = compilation.GetTypeByMetadataName(KnownNames.PipelineAttribute);
        if (nodeAttribute is null || pipelineAttribute is null) return null; // not a Compiled project

        var files = new List<ConfigFileModel>();
        var environmentCatalogs = new List<(AdditionalText File, string Environment)>();
        foreach (var text in options.AdditionalFiles)
        {
            var kind = YamlParser.Classify(text.Path);
            var content = kind is null ? null : text.GetText(cancellationToken);
            if (kind is not null && content is not null) files.Add(YamlParser.Parse(text.Path, kind.Value, content));
            else if (EnvironmentCatalogs.EnvironmentOf(text.Path) is { } environment) environmentCatalogs.Add((text, environment));
        }

        var nodes = new List<NodeModel>();
        var pipelines = new List<PipelineDeclaration>();
        foreach (var type in Types(compilation.Assembly.GlobalNamespace))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Attributes of source types come from their syntax: a type none of whose declarations has an attribute
            // list cannot be a [Pipeline], and one with no attributed method declaration (the generator's [Node]
            // candidates) has no node. Skipping them spares binding the members and attributes of every other type
            // (records, DTOs, generated code) in each new compilation, i.e. on each edit in the IDE.
            var (typeAttributed, methodAttributed) = AttributeLists(type, cancellationToken);
            if (typeAttributed && Find(type.GetAttributes(), pipelineAttribute) is { } pipeline) pipelines.Add(PipelineParser.Parse(type, pipeline));
            if (!methodAttributed) continue;
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                var node = Find(method.GetAttributes(), nodeAttribute);
                if (node is not null) nodes.Add(NodeParser.Parse(method, node));
            }
        }

        var info = ProjectInfoReader.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions, compilation.AssemblyName);
        var conversions = TypeConversionReader.Read(TypeCompatibility.Questions(nodes, pipelines), compilation, cancellationToken);
        var model = ProjectBuilder.Build(info, files, nodes, pipelines, UserDatasetTypeReader.Read(files, compilation).ToList(), conversions);
        if (environmentCatalogs.Count == 0) return model;
        var baseCatalogs = files.Where(f => f.Kind == ConfigFileKind.Catalog).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var environmentDiagnostics = environmentCatalogs
            .Select(c => (c.File.Path, c.Environment, Text: c.File.GetText(cancellationToken)))
            .Where(c => c.Text is not null)
            .SelectMany(c => EnvironmentCatalogs.Check(c.Path, c.Environment, c.Text!, baseCatalogs));
        return model with { Diagnostics = model.Diagnostics.Concat(environmentDiagnostics).ToEquatableArray() };
    }

    private static AttributeData? Find(ImmutableArray<AttributeData> attributes, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in attributes)
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType)) return attribute;
        }

        return null;
    }

    /// <summary>Whether any declaration of <paramref name="type"/> has attribute lists, and whether any of its method declarations has.</summary>
    private static (bool Type, bool Method) AttributeLists(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        bool onType = false, onMethod = false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration) continue;
            onType |= declaration.AttributeLists.Count > 0;
            foreach (var member in declaration.Members)
            {
                onMethod |= member is MethodDeclarationSyntax { AttributeLists.Count: > 0 };
            }
        }

        return (onType, onMethod);
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol @namespace)
    {
        foreach (var member in @namespace.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (var type in Types(child)) yield return type;
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (var nested in type.GetTypeMembers()) yield return nested;
            }
        }
    }
}
