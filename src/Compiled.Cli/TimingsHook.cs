using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Compiled.Cli;

/// <summary>
/// <c>run --timings</c>: where a run's time goes, phase by phase — the process start up to the command line, the session's
/// creation, each dataset load and save, each node — printed to the error stream when the run ends. Node times exclude
/// their loads and saves (the runtime calls the node hooks around the node's own call).
/// </summary>
internal sealed class TimingsHook(TextWriter output, long cliStarted) : PipelineHook
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, long> _started = new(StringComparer.Ordinal);
    private readonly List<(string Phase, TimeSpan Elapsed)> _phases = [];

    /// <summary>Records a phase measured by the caller (the session's creation).</summary>
    public void Add(string phase, TimeSpan elapsed)
    {
        lock (_lock) _phases.Add((phase, elapsed));
    }

    public override void BeforeNodeRun(in RunParams run, string node) => _started["node " + node] = Stopwatch.GetTimestamp();

    public override void AfterNodeRun(in RunParams run, string node) => Stop("node " + node);

    public override void BeforeDatasetLoaded(in RunParams run, string dataset) => _started["load " + dataset] = Stopwatch.GetTimestamp();

    public override void AfterDatasetLoaded(in RunParams run, string dataset) => Stop("load " + dataset);

    public override void BeforeDatasetSaved(in RunParams run, string dataset) => _started["save " + dataset] = Stopwatch.GetTimestamp();

    public override void AfterDatasetSaved(in RunParams run, string dataset) => Stop("save " + dataset);

    /// <summary>Prints the phases in the order they ended, then the time from the process start to now.</summary>
    public void Print()
    {
        var startup = StartupTime();
        output.WriteLine("timings (ms):");
        if (startup is { } before) output.WriteLine($"  {"process start to the command line",-40} {Milliseconds(before),8}");
        lock (_lock)
        {
            foreach (var (phase, elapsed) in _phases) output.WriteLine($"  {phase,-40} {Milliseconds(elapsed),8}");
        }

        output.WriteLine($"  {"command line to now",-40} {Milliseconds(Stopwatch.GetElapsedTime(cliStarted)),8}");
        if (startup is { } total) output.WriteLine($"  {"process start to now",-40} {Milliseconds(total + Stopwatch.GetElapsedTime(cliStarted)),8}");
    }

    private void Stop(string phase)
    {
        if (_started.TryRemove(phase, out var start)) Add(phase, Stopwatch.GetElapsedTime(start));
    }

    // The process's start time has the kernel's clock-tick resolution (10 ms on Linux).
    private TimeSpan? StartupTime()
    {
        using var process = Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        var startup = sinceStart - Stopwatch.GetElapsedTime(cliStarted);
        return startup > TimeSpan.Zero ? startup : null;
    }

    private static string Milliseconds(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
}
