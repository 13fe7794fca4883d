using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Compiled.Cli.Viz;

/// <summary>
/// Records a run for the pipeline page's overlay: each node's status and duration, the pipeline's status and duration,
/// written when the run ends to a small JSON file (<c>data/08_reporting/last-run.json</c> by default) that
/// <c>viz</c> puts into the page it writes and <c>viz --serve</c> serves as it changes. The <c>run</c> command adds it.
/// </summary>
internal sealed class LastRunHook(TextWriter error) : PipelineHook
{
    private readonly ConcurrentDictionary<string, long> _started = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Node, string Status, double DurationMs)> _nodes = new();
    private DateTimeOffset _startedAt;

    /// <summary>Where the record is written; nothing is written while null (set once the session, and so the project directory, is known).</summary>
    public string? Path { get; set; }

    /// <summary>The default record of a project: beside the default page, under <c>data/08_reporting</c>.</summary>
    public static string DefaultPath(string projectPath) => System.IO.Path.Combine(projectPath, "data", "08_reporting", "last-run.json");

    public override void BeforePipelineRun(in RunParams run) => _startedAt = DateTimeOffset.UtcNow;

    public override void BeforeNodeRun(in RunParams run, string node) => _started[node] = Stopwatch.GetTimestamp();

    public override void AfterNodeRun(in RunParams run, string node) => _nodes.Enqueue((node, "completed", Elapsed(node)));

    public override void OnNodeError(in RunParams run, string node, Exception error) => _nodes.Enqueue((node, "failed", Elapsed(node)));

    public override void AfterPipelineRun(in RunParams run) => Write(run, "completed");

    public override void OnPipelineError(in RunParams run, PipelineRunException error) => Write(run, "failed");

    private double Elapsed(string node) =>
        _started.TryRemove(node, out var start) ? Stopwatch.GetElapsedTime(start).TotalMilliseconds : 0;

    private void Write(in RunParams run, string status)
    {
        if (Path is not { } path) return;
        try
        {
            Write(run, status, path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The run itself succeeded or failed on its own terms; only the page's overlay misses it.
            error.WriteLine($"warning: could not record the run for the pipeline page in '{path}': {exception.Message}");
        }
    }

    private void Write(in RunParams run, string status, string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("pipeline", run.PipelineName);
            json.WriteString("runId", run.RunId);
            json.WriteString("startedAt", _startedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
            json.WriteString("status", status);
            json.WriteNumber("durationMs", Math.Round(run.Elapsed.TotalMilliseconds, 1));
            json.WriteStartArray("nodes");
            foreach (var (node, nodeStatus, durationMs) in _nodes)
            {
                json.WriteStartObject();
                json.WriteString("name", node);
                json.WriteString("status", nodeStatus);
                json.WriteNumber("durationMs", Math.Round(durationMs, 1));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        File.Move(temporary, path, overwrite: true);
    }
}
