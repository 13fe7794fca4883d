namespace Compiled.KedroConf.Tests;

/// <summary>
/// A project directory in the temporary folder: a <c>conf/</c> (this project's Kedro one, or the sample's own) and the
/// sample's raw data, as Kedro's starter ships it. Deleted on dispose.
/// </summary>
internal sealed class ProjectCopy : IDisposable
{
    private ProjectCopy(string path) => Path = path;

    public string Path { get; }

    /// <summary>This project's Kedro <c>conf/</c> (copied to the test output) with the sample's <c>data/01_raw</c>.</summary>
    public static ProjectCopy WithKedroConf() => Create(System.IO.Path.Combine(AppContext.BaseDirectory, "conf"));

    /// <summary>The sample's own <c>conf/</c> (Compiled's type names) with its <c>data/01_raw</c>.</summary>
    public static ProjectCopy WithSampleConf() => Create(System.IO.Path.Combine(Repository.Root, "samples", "Spaceflights", "conf"));

    private static ProjectCopy Create(string conf)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compiled-kedroconf-tests", Guid.NewGuid().ToString("N"));
        Copy(conf, System.IO.Path.Combine(path, "conf"));
        Copy(System.IO.Path.Combine(Repository.Root, "samples", "Spaceflights", "data", "01_raw"), System.IO.Path.Combine(path, "data", "01_raw"));
        return new ProjectCopy(path);
    }

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Write(string relative, string text)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        System.IO.File.WriteAllText(file, text);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }
    }
}

/// <summary>The repository checkout the tests run from.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "Compiled.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Compiled.sln not found above " + AppContext.BaseDirectory);
    }
}
