namespace Compiled.Package.Tests;

/// <summary>Where this repository is: the directory holding <c>Compiled.sln</c>, found by walking up from the test assembly.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Compiled.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No Compiled.sln above '{AppContext.BaseDirectory}': the package tests run inside the repository.");
    }
}
