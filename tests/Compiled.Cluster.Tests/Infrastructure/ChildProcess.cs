using System.Diagnostics;

namespace Compiled.Cluster.Tests.Infrastructure;

/// <summary>A process the tests started: waits for a line that says it is ready, keeps its output for failure messages, kills it.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, string readyPrefix)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Received(e.Data, readyPrefix);
        _process.ErrorDataReceived += (_, e) => Received(e.Data, readyPrefix: null);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready. {Output}"));
    }

    public string Name { get; private init; } = "";

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output) return string.Join('\n', _output.TakeLast(40));
        }
    }

    /// <summary>Starts <paramref name="file"/> and waits until it prints a line starting with <paramref name="readyPrefix"/>.</summary>
    public static async Task<ChildProcess> StartAsync(string name, string file, IEnumerable<string> arguments, string readyPrefix, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, readyPrefix) { Name = name };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await child._ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await child.DisposeAsync();
            throw new TimeoutException($"{name} was not ready within {timeout}. {child.Output}");
        }

        return child;
    }

    /// <summary>SIGKILL: the process dies at once, without leaving its cluster.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Received(string? line, string? readyPrefix)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
        if (readyPrefix is not null && line.StartsWith(readyPrefix, StringComparison.Ordinal)) _ready.TrySetResult(line);
    }
}
