using Compiled.Generators.Model;
using Compiled.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Compiled.Analyzers.CodeFixes;

/// <summary>Finds the project's <c>conf/base</c> catalog and parameters files among its additional documents.</summary>
internal static class ConfigDocuments
{
    /// <summary>The files of <paramref name="kind"/>, in the order the model merges them (ordinal by path).</summary>
    public static IReadOnlyList<TextDocument> Find(Project project, ConfigFileKind kind) => project.AdditionalDocuments
        .Where(d => d.FilePath is not null && YamlParser.Classify(d.FilePath) == kind)
        .OrderBy(d => d.FilePath, StringComparer.Ordinal)
        .ToList();

    /// <summary>The file a new entry of <paramref name="kind"/> goes to: <c>catalog.yml</c> / <c>parameters.yml</c> when there is one, else the first.</summary>
    public static TextDocument? Preferred(Project project, ConfigFileKind kind)
    {
        var documents = Find(project, kind);
        var preferred = kind == ConfigFileKind.Catalog ? "catalog" : "parameters";
        return documents.FirstOrDefault(d => Path.GetFileNameWithoutExtension(d.FilePath!).Equals(preferred, StringComparison.OrdinalIgnoreCase))
            ?? documents.FirstOrDefault();
    }

    /// <summary>Where a new <c>conf/base</c> file of the project goes: beside its other conf/base files, else under its project directory; null when neither is known.</summary>
    public static string? BaseDirectory(Project project)
    {
        foreach (var document in project.AdditionalDocuments)
        {
            if (document.FilePath is null) continue;
            var normalized = document.FilePath.Replace('\\', '/');
            var marker = normalized.LastIndexOf("/conf/base/", StringComparison.Ordinal);
            if (marker >= 0) return document.FilePath.Substring(0, marker + "/conf/base".Length);
        }

        var projectDirectory = project.FilePath is null ? null : Path.GetDirectoryName(project.FilePath);
        return projectDirectory is null ? null : Path.Combine(projectDirectory, "conf", "base");
    }

    /// <summary>Appends a block of top-level YAML to <paramref name="text"/>, after a line break when the text does not end with one.</summary>
    public static SourceText Append(SourceText text, string block, bool blankLineBefore)
    {
        var content = text.ToString();
        var prefix = content.Length == 0 ? "" : content.EndsWith("\n", StringComparison.Ordinal) ? "" : "\n";
        if (blankLineBefore && content.Trim().Length > 0) prefix += "\n";
        return text.WithChanges(new TextChange(new TextSpan(text.Length, 0), prefix + block + "\n"));
    }

    /// <summary>Adds a new <c>conf/base</c> file to the project.</summary>
    public static Solution AddFile(Project project, string directory, string fileName, string content) =>
        project.AddAdditionalDocument(fileName, SourceText.From(content), new[] { "conf", "base" }, Path.Combine(directory, fileName)).Project.Solution;
}
