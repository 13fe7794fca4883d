using System.Collections.Immutable;
using System.Composition;
using System.Text;
using Compiled.Generators.Model;
using Compiled.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Compiled.Analyzers.CodeFixes;

/// <summary>
/// CPL0002: adds the missing dotted parameter path to the parameters YAML, under the deepest mapping
/// of the path that already exists, with a placeholder value of the <c>[Param]</c>'s C# type
/// (0, 0.0, false, "", the first enum member, [] or a mapping of every member).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddParameterCodeFix)), Shared]
public sealed class AddParameterCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownParameter);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ParameterPath, out var path) || string.IsNullOrEmpty(path)) continue;
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Placeholder, out var placeholder) || placeholder is null) continue;
            var segments = path!.Split('.');
            if (segments.Any(s => s.Length == 0 || s.Trim().Length != s.Length || s.Any(c => !(char.IsLetterOrDigit(c) || c is '_' or '-')))) continue;

            var project = context.Document.Project;
            var plan = await PlanAsync(project, segments, placeholder, context.CancellationToken).ConfigureAwait(false);
            if (plan is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Add '{path}' to {plan.Value.FileName}", _ => Task.FromResult(plan.Value.Apply()), equivalenceKey: nameof(AddParameterCodeFix)),
                diagnostic);
        }
    }

    private readonly record struct Plan(string FileName, Func<Solution> Apply);

    private static async Task<Plan?> PlanAsync(Project project, string[] segments, string placeholder, CancellationToken cancellationToken)
    {
        var documents = ConfigDocuments.Find(project, ConfigFileKind.Parameters);
        if (documents.Count == 0)
        {
            var directory = ConfigDocuments.BaseDirectory(project);
            if (directory is null) return null;
            var content = Block(segments, 0, 0, placeholder) + "\n";
            return new Plan("parameters.yml", () => ConfigDocuments.AddFile(project, directory, "parameters.yml", content));
        }

        // The first file (by path) that defines the top-level key owns it, as when the model merges them.
        foreach (var document in documents)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var file = YamlParser.Parse(document.FilePath!, ConfigFileKind.Parameters, text);
            if (file.Root is null) continue;
            if (file.Root[segments[0]] is null) continue;

            // Walk down the mappings that exist; segments[depth..] are what is missing under `mapping`.
            YamlMapping mapping = file.Root;
            var depth = 0;
            while (depth + 1 < segments.Length && mapping[segments[depth]] is YamlMapping { Entries.Count: > 0 } child)
            {
                mapping = child;
                depth++;
            }

            if (mapping[segments[depth]] is not null) return null; // a scalar, sequence or empty mapping is in the way
            if (IsFlow(text, mapping)) return null;
            var indent = mapping.Entries[0].KeyLocation.Column;
            var end = LastIndex(mapping);
            var lineEnd = end;
            var content = text.ToString();
            while (lineEnd < content.Length && content[lineEnd] != '\n' && content[lineEnd] != '\r') lineEnd++;
            var insertion = "\n" + Block(segments, depth, indent, placeholder);
            if (lineEnd < content.Length && content[lineEnd] == '\r') insertion = insertion.Replace("\n", "\r\n");
            var changed = text.WithChanges(new TextChange(new TextSpan(lineEnd, 0), insertion));
            return new Plan(Path.GetFileName(document.FilePath!), () => project.Solution.WithAdditionalDocumentText(document.Id, changed));
        }

        var target = ConfigDocuments.Preferred(project, ConfigFileKind.Parameters)!;
        var targetText = await target.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var parsed = YamlParser.Parse(target.FilePath!, ConfigFileKind.Parameters, targetText);
        if (parsed.Root is null) return null; // CPL0006 first
        var appended = ConfigDocuments.Append(targetText, Block(segments, 0, 0, placeholder), blankLineBefore: false);
        return new Plan(Path.GetFileName(target.FilePath!), () => project.Solution.WithAdditionalDocumentText(target.Id, appended));
    }

    /// <summary>The keys <paramref name="segments"/>[<paramref name="from"/>..] nested two spaces apart, the last with the placeholder.</summary>
    private static string Block(string[] segments, int from, int indent, string placeholder)
    {
        var builder = new StringBuilder();
        for (var i = from; i < segments.Length; i++)
        {
            var pad = new string(' ', indent + 2 * (i - from));
            if (i > from) builder.Append('\n');
            builder.Append(pad).Append(segments[i]).Append(':');
            if (i == segments.Length - 1) builder.Append(placeholder.Replace("\n", "\n" + pad));
        }

        return builder.ToString();
    }

    /// <summary>The end of the last key or scalar inside <paramref name="value"/> (block mappings and sequences end at the next token).</summary>
    private static int LastIndex(YamlValue value) => value switch
    {
        YamlMapping { Entries.Count: > 0 } mapping => mapping.Entries.Select(e => Math.Max(e.KeyLocation.Start + e.KeyLocation.Length, LastIndex(e.Value))).Max(),
        YamlSequence { Items.Count: > 0 } sequence => sequence.Items.Select(LastIndex).Max(),
        _ => value.Location.Start + value.Location.Length,
    };

    private static bool IsFlow(SourceText text, YamlMapping mapping) =>
        mapping.Location.Start < text.Length && text[mapping.Location.Start] == '{';
}
