using System.Text.RegularExpressions;
using Xunit;

namespace Compiled.Analyzers.Tests;

/// <summary>Every descriptor has a help page under docs/diagnostics that its link points to, an index entry and a release-tracking line.</summary>
public sealed class DocumentationTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Ids => new(DiagnosticDescriptors.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_points_to_a_page_with_what_why_how_to_fix_and_an_example(string id)
    {
        var descriptor = DiagnosticDescriptors.Get(id);
        Assert.EndsWith("/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);

        var page = Path.Combine(Root, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## What", "## Why", "## How to fix", "## Example" })
        {
            Assert.Contains("\n" + section + "\n", text, StringComparison.Ordinal);
        }

        Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Index_and_release_tracking_list_the_rule(string id)
    {
        var descriptor = DiagnosticDescriptors.Get(id);
        var index = File.ReadAllText(Path.Combine(Root, "docs", "diagnostics", "README.md"));
        Assert.Contains($"| [{id}]({id}.md) | {descriptor.DefaultSeverity} |", index, StringComparison.Ordinal);

        var releases = File.ReadAllText(Path.Combine(Root, "analyzers", "Compiled.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(Root, "analyzers", "Compiled.Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Matches(new Regex($@"^{id} \| {Regex.Escape(descriptor.Category)} \| {descriptor.DefaultSeverity} \|", RegexOptions.Multiline), releases);
    }

    [Fact]
    public void Every_page_is_a_known_rule() =>
        Assert.All(Directory.GetFiles(Path.Combine(Root, "docs", "diagnostics"), "CPL*.md"),
            page => Assert.Contains(Path.GetFileNameWithoutExtension(page), DiagnosticDescriptors.All.Select(d => d.Id)));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Compiled.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Compiled.sln not found above " + AppContext.BaseDirectory);
    }
}
