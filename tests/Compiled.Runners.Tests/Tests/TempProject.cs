using System.Collections.Concurrent;
using System.Globalization;
using Compiled;
using Xunit;

[assembly: CollectionBehavior(DisableTestParallelization = true)] // the test project's nodes keep static state (handshakes, failure switches)

namespace Runs.Tests;

/// <summary>A temporary copy of the Runs project: its conf/ plus data files, deleted on dispose.</summary>
public sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compiled-runners-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "conf"), "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, "conf", System.IO.Path.GetRelativePath(System.IO.Path.Combine(AppContext.BaseDirectory, "conf"), file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }

        Directory.CreateDirectory(File("data"));
        Write("xs", "[1, 2, 3, 4]");
        Write("table", "[1, 2, 3, 4, 5, 6, 7, 8]");
        Write("raw", "[1, 2, 3]");
    }

    public string Path { get; }

    public RecordingHook Hook { get; } = new();

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Write(string dataset, string json) => System.IO.File.WriteAllText(File($"data/{dataset}.json"), json);

    public bool Exists(string dataset) => System.IO.File.Exists(File($"data/{dataset}.json"));

    public void Delete(string dataset) => System.IO.File.Delete(File($"data/{dataset}.json"));

    public double ReadDouble(string dataset) => double.Parse(System.IO.File.ReadAllText(File($"data/{dataset}.json")), CultureInfo.InvariantCulture);

    public RunsSession CreateSession(params PipelineHook[] hooks) =>
        RunsProject.CreateSession(new SessionOptions { ProjectPath = Path, Environment = "local", Hooks = [Hook, .. hooks] });

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Records the nodes that start and complete, in order, from any thread.</summary>
public sealed class RecordingHook : PipelineHook
{
    private readonly ConcurrentQueue<string> _started = new();
    private readonly ConcurrentQueue<string> _completed = new();

    public IReadOnlyList<string> Started => [.. _started];

    public IReadOnlyList<string> Completed => [.. _completed];

    public void Clear()
    {
        _started.Clear();
        _completed.Clear();
    }

    public override void BeforeNodeRun(in RunParams run, string node) => _started.Enqueue(node);

    public override void AfterNodeRun(in RunParams run, string node) => _completed.Enqueue(node);
}

/// <summary>Cancels a token source when a given node completes: cancellation between nodes.</summary>
public sealed class CancelAfterHook(string node, CancellationTokenSource source) : PipelineHook
{
    public override void AfterNodeRun(in RunParams run, string completed)
    {
        if (completed == node) source.Cancel();
    }
}
