namespace Compiled.Docs.Tests;

/// <summary>The repository this test runs from: its root (the directory of Compiled.sln) and its documents.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>README.md and every Markdown file under docs/, relative to the root, with '/' separators.</summary>
    public static IEnumerable<string> Documents() =>
        new[] { "README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Compiled.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No Compiled.sln above {AppContext.BaseDirectory}: run the docs tests from the repository.");
    }
}
