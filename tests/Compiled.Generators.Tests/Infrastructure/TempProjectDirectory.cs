namespace Compiled.Generators.Tests.Infrastructure;

/// <summary>A project directory on disk for a session (<c>conf/base/…</c>, <c>data/…</c>), deleted on dispose.</summary>
internal sealed class TempProjectDirectory : IDisposable
{
    public TempProjectDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compiled-generator-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(System.IO.Path.Combine(Path, "conf", "base"));
    }

    public string Path { get; }

    /// <summary>The absolute path of <paramref name="relativePath"/> (written with '/').</summary>
    public string FullPath(string relativePath) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath));

    public TempProjectDirectory Write(string relativePath, string text)
    {
        var path = FullPath(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    /// <summary>Writes every YAML file of a test project under <c>conf/</c>, as the build saw them.</summary>
    public TempProjectDirectory WriteConfig(TestProject project)
    {
        foreach (var (path, text) in project.ConfigFiles) Write(path.Substring(TestProject.Root.Length + 1), text);
        return this;
    }

    public string Read(string relativePath) => File.ReadAllText(FullPath(relativePath));

    public bool Exists(string relativePath) => File.Exists(FullPath(relativePath));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not a test failure.
        }
    }
}
