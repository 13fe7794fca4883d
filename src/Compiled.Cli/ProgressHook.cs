using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Compiled.Cli;

/// <summary>
/// Shows each node of a run as it starts and completes. On a terminal: a status line naming the running nodes,
/// rewritten in place, above which each completed node is printed with its time. Redirected: plain lines.
/// </summary>
internal sealed class ProgressHook(TextWriter output, bool interactive) : PipelineHook
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, long> _started = new(StringComparer.Ordinal);
    private readonly List<string> _running = [];
    private int _completed;
    private bool _statusShown;

    /// <summary>How many nodes the run is expected to run (for "3/7"); 0 when unknown.</summary>
    public int Total { get; set; }

    public override void BeforeNodeRun(in RunParams run, string node)
    {
        _started[node] = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            _running.Add(node);
            if (interactive) DrawStatus();
            else output.WriteLine($"{Time()} node {node} started");
        }
    }

    public override void AfterNodeRun(in RunParams run, string node)
    {
        var elapsed = _started.TryRemove(node, out var start) ? Stopwatch.GetElapsedTime(start) : TimeSpan.Zero;
        lock (_lock)
        {
            _running.Remove(node);
            _completed++;
            if (interactive)
            {
                ClearStatus();
                output.WriteLine($"  \u2713 {node} ({Format(elapsed)}){Counter()}");
                DrawStatus();
            }
            else
            {
                output.WriteLine($"{Time()} node {node} completed in {Format(elapsed)}{Counter()}");
            }
        }
    }

    public override void OnNodeError(in RunParams run, string node, Exception error)
    {
        lock (_lock)
        {
            _running.Remove(node);
            if (interactive) ClearStatus();
            output.WriteLine(interactive ? $"  \u2717 {node} failed" : $"{Time()} node {node} failed");
            if (interactive) DrawStatus();
        }
    }

    /// <summary>Removes the status line (before the final summary).</summary>
    public void Finish()
    {
        lock (_lock)
        {
            if (interactive) ClearStatus();
        }
    }

    private string Counter() => Total > 0 ? $" [{_completed}/{Total}]" : "";

    private void DrawStatus()
    {
        if (_running.Count == 0)
        {
            ClearStatus();
            return;
        }

        ClearStatus();
        output.Write($"  \u25b8 running: {string.Join(", ", _running)}{Counter()}");
        output.Flush();
        _statusShown = true;
    }

    private void ClearStatus()
    {
        if (!_statusShown) return;
        output.Write("\r\u001b[2K");
        _statusShown = false;
    }

    private static string Time() => DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Format(TimeSpan elapsed) => elapsed.TotalSeconds >= 1
        ? elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s"
        : elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";
}
