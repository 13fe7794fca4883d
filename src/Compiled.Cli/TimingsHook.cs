using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Compiled.Cli;

/// <summary>
/// <c>run --timings</c>: where a run's time goes, phase by phase — the process start up to the command line, the session's
/// creation, each dataset load and save, each node — printed to the error stream when the run ends, with the runtime's own
/// counters for each phase: time spent in the JIT, methods compiled, bytes allocated, time the garbage collector paused
/// the process. Node times exclude their loads and saves (the runtime calls the node hooks around the node's own call). The
/// counters are process-wide: with the parallel runner, phases that overlap share them.
/// </summary>
internal sealed class TimingsHook(TextWriter output, TimingsHook.Mark cliStarted) : PipelineHook
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, Mark> _started = new(StringComparer.Ordinal);
    private readonly List<(string Phase, Mark Start, Mark End)> _phases = [];

    /// <summary>The runtime's counters now.</summary>
    public static Mark Now() =>
        new(Stopwatch.GetTimestamp(), JitInfo.GetCompilationTime(), JitInfo.GetCompiledMethodCount(), GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());

    /// <summary>Records a phase measured by the caller (the session's creation).</summary>
    public void Add(string phase, Mark start)
    {
        var end = Now();
        lock (_lock) _phases.Add((phase, start, end));
    }

    public override void BeforeNodeRun(in RunParams run, string node) => _started["node " + node] = Now();

    public override void AfterNodeRun(in RunParams run, string node) => Stop("node " + node);

    public override void BeforeDatasetLoaded(in RunParams run, string dataset) => _started["load " + dataset] = Now();

    public override void AfterDatasetLoaded(in RunParams run, string dataset) => Stop("load " + dataset);

    public override void BeforeDatasetSaved(in RunParams run, string dataset) => _started["save " + dataset] = Now();

    public override void AfterDatasetSaved(in RunParams run, string dataset) => Stop("save " + dataset);

    /// <summary>Prints the phases in the order they ended, the process's totals, and its garbage collections.</summary>
    public void Print()
    {
        var now = Now();
        var processStart = ProcessStart(now);
        output.WriteLine($"timings: {"phase",-38} {"ms",9} {"jit ms",9} {"jitted",7} {"alloc MB",9} {"gc ms",7}");
        if (processStart is { } zero) Write("process start to the command line", zero, cliStarted);
        lock (_lock)
        {
            foreach (var (phase, start, end) in _phases) Write(phase, start, end);
        }

        Write("command line to now", cliStarted, now);
        if (processStart is { } origin) Write("process start to now", origin, now);
        var pause = GC.GetTotalPauseDuration().TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
        output.WriteLine($"timings: garbage collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, paused {pause} ms; " +
            $"{AppDomain.CurrentDomain.GetAssemblies().Length} assemblies loaded");
    }

    private void Write(string phase, Mark start, Mark end)
    {
        var invariant = CultureInfo.InvariantCulture;
        var ms = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalMilliseconds.ToString("F1", invariant);
        var jit = (end.Jit - start.Jit).TotalMilliseconds.ToString("F1", invariant);
        var methods = (end.Methods - start.Methods).ToString(invariant);
        var allocated = ((end.Allocated - start.Allocated) / 1048576.0).ToString("F1", invariant);
        var paused = (end.Paused - start.Paused).TotalMilliseconds.ToString("F1", invariant);
        output.WriteLine($"timings: {phase,-38} {ms,9} {jit,9} {methods,7} {allocated,9} {paused,7}");
    }

    private void Stop(string phase)
    {
        if (_started.TryRemove(phase, out var start)) Add(phase, start);
    }

    // The process's start as a mark with zero counters; null when the clock disagrees. Its time has the kernel's
    // clock-tick resolution (10 ms on Linux).
    private static Mark? ProcessStart(Mark now)
    {
        using var process = Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        if (sinceStart <= TimeSpan.Zero) return null;
        return new Mark(now.Timestamp - (long)(sinceStart.TotalSeconds * Stopwatch.Frequency), TimeSpan.Zero, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The runtime's counters at one moment.</summary>
    /// <param name="Timestamp">A <see cref="Stopwatch"/> timestamp.</param>
    /// <param name="Jit">Time the JIT has spent since the process started.</param>
    /// <param name="Methods">Methods the JIT has compiled since the process started.</param>
    /// <param name="Allocated">Bytes allocated since the process started.</param>
    /// <param name="Paused">Time the garbage collector has paused the process since it started.</param>
    internal readonly record struct Mark(long Timestamp, TimeSpan Jit, long Methods, long Allocated, TimeSpan Paused);
}
