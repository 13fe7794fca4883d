using System.Diagnostics;
using System.Reflection;

namespace Compiled.TestWriter.Client;

/// <summary>
/// A running Compiled.TestWriter process (a real <c>dotnet</c> child process), for the tests that need writers
/// in other processes. Compiled into the test projects that reference the writer; they name its dll in the
/// assembly metadata <c>TestWriter</c>.
/// </summary>
internal sealed class TestWriterProcess : IDisposable
{
    // Not a timing assertion: a bound on waiting for a line, so that a broken writer fails the test instead of hanging it.
    private static readonly TimeSpan LineTimeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;

    private TestWriterProcess(Process process) => _process = process;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <c>dotnet Compiled.TestWriter.dll <paramref name="arguments"/></c>.</summary>
    public static TestWriterProcess Start(params string[] arguments)
    {
        var dll = typeof(TestWriterProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestWriter").Value!;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return new TestWriterProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the writer to print <paramref name="expected"/>; fails with its stderr if it prints something else or exits.</summary>
    public void Expect(string expected)
    {
        var line = ReadLine(expected);
        if (line != expected) throw Unexpected(line, expected);
    }

    /// <summary>Waits for the writer to print <paramref name="word"/>, a space and a value; returns the value.</summary>
    public string ExpectWord(string word)
    {
        var line = ReadLine(word);
        return line.StartsWith(word + " ", StringComparison.Ordinal) ? line[(word.Length + 1)..] : throw Unexpected(line, word);
    }

    private string ReadLine(string expected)
    {
        var read = _process.StandardOutput.ReadLineAsync();
        if (!read.Wait(LineTimeout)) throw new TimeoutException($"writer {Id} printed nothing (expected '{expected}')");
        return read.Result ?? "";
    }

    private InvalidOperationException Unexpected(string line, string expected) =>
        new($"writer {Id} printed '{line}', expected '{expected}'. stderr: {_process.StandardError.ReadToEnd()}");

    /// <summary>Sends a line to the writer's stdin.</summary>
    public void Send(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Kills the writer with SIGKILL (on Windows, TerminateProcess) and waits until it is gone.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Waits for the writer to exit and returns its exit code.</summary>
    public int WaitForExit()
    {
        if (!_process.WaitForExit(LineTimeout)) throw new TimeoutException($"writer {Id} did not exit");
        return _process.ExitCode;
    }

    /// <summary>The writer's stderr, once it has exited.</summary>
    public string StandardError => _process.StandardError.ReadToEnd();

    /// <summary>Kills the writer if it is still running.</summary>
    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
