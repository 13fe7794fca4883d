using System.Collections.Immutable;
using System.Composition;
using Compiled.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Compiled.Analyzers.CodeFixes;

/// <summary>
/// CPL0001: adds the input nothing provides to the catalog (<c>conf/base/catalog.yml</c>), with a
/// dataset type that can carry the node's C# type and a file path under <c>data/01_raw</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCatalogEntryCodeFix)), Shared]
public sealed class AddCatalogEntryCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnresolvedInput);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Dataset, out var dataset) || string.IsNullOrEmpty(dataset)) continue;
            if (!IsValidKey(dataset!)) continue;
            diagnostic.Properties.TryGetValue(DiagnosticProperties.DatasetKind, out var kind);
            var project = context.Document.Project;
            var catalog = ConfigDocuments.Preferred(project, ConfigFileKind.Catalog);
            var directory = catalog is null ? ConfigDocuments.BaseDirectory(project) : null;
            if (catalog is null && directory is null) continue;

            var fileName = catalog is null ? "catalog.yml" : Path.GetFileName(catalog.FilePath!);
            var entry = Entry(dataset!, string.IsNullOrEmpty(kind) ? "memory" : kind!);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add '{dataset}' to {fileName}",
                    async cancellationToken =>
                    {
                        if (catalog is null) return ConfigDocuments.AddFile(project, directory!, fileName, entry + "\n");
                        var text = await catalog.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        return project.Solution.WithAdditionalDocumentText(catalog.Id, ConfigDocuments.Append(text, entry, blankLineBefore: true));
                    },
                    equivalenceKey: nameof(AddCatalogEntryCodeFix)),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    /// <summary>The YAML of a new catalog entry: <c>name:\n  type: csv\n  filepath: data/01_raw/name.csv</c>.</summary>
    internal static string Entry(string dataset, string kind)
    {
        var extension = kind switch { "csv" => "csv", "text" => "txt", "json" => "json", "binary" => "bin", _ => null };
        return extension is null
            ? $"{dataset}:\n  type: {kind}"
            : $"{dataset}:\n  type: {kind}\n  filepath: data/01_raw/{dataset}.{extension}";
    }

    /// <summary>A name that can be written as a plain YAML key without quoting.</summary>
    private static bool IsValidKey(string name) =>
        name.Trim().Length == name.Length && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.');
}
