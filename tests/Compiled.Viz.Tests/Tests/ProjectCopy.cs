using Compiled;
using Compiled.Cli;

namespace Orbits.Tests;

/// <summary>
/// A temporary project directory with a copy of a project's conf/ (and data) from the test output, where the tests run
/// pipelines and write pages through the project's command line. Deleted on dispose.
/// </summary>
public sealed class ProjectCopy : IDisposable
{
    private readonly Func<SessionOptions, Session> _createSession;

    private readonly string _root;

    private ProjectCopy(string source, string name, Func<SessionOptions, Session> createSession)
    {
        _createSession = createSession;
        _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compiled-viz-" + Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(_root, name); // the page's title is the project directory's name
        var from = System.IO.Path.Combine(AppContext.BaseDirectory, source);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }

        Directory.CreateDirectory(System.IO.Path.Combine(Path, "conf", "local"));
    }

    public string Path { get; }

    /// <summary>Spaceflights' conf/ and raw data.</summary>
    public static ProjectCopy Spaceflights() => new("spaceflights", "Spaceflights", options => global::Spaceflights.SpaceflightsProject.CreateSession(options));

    /// <summary>This test project's own Orbits project, with readings for both stations.</summary>
    public static ProjectCopy Orbits()
    {
        var copy = new ProjectCopy("orbits", "Orbits", options => OrbitsProject.CreateSession(options));
        Directory.CreateDirectory(copy.File("data"));
        System.IO.File.WriteAllText(copy.File("data/north_readings.json"), "[1, 2, -1, 3]");
        System.IO.File.WriteAllText(copy.File("data/south_readings.json"), "[4, -2, 5]");
        return copy;
    }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>Runs the project's command line with <paramref name="args"/>: exit code, output and errors.</summary>
    public async Task<(int ExitCode, string Output, string Error)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CompiledCli.RunAsync(args, _createSession, new CliOptions
        {
            Output = output,
            Error = error,
            Interactive = false,
            Session = new SessionOptions { ProjectPath = Path, Environment = "local" },
        });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A session of the copy, to read the generated pipeline definitions from.</summary>
    public Session CreateSession() => _createSession(new SessionOptions { ProjectPath = Path, Environment = "local" });

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
