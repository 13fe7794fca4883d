using System.Diagnostics;
using System.Text;

namespace Compiled.Package.Tests;

/// <summary>What one <c>dotnet</c> command did: its command line, exit code, combined output and duration.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"`{CommandLine}` exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s. Output:{Environment.NewLine}{Output}";
}

/// <summary>Runs the <c>dotnet</c> CLI as a child process with a clean, build-server-free environment.</summary>
internal static class DotnetCli
{
    /// <summary>Generous: a pack or a first restore on a loaded two-core machine takes well over a minute.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs <c>dotnet <paramref name="arguments"/></c> in <paramref name="workingDirectory"/>; never throws for a non-zero exit.</summary>
    /// <exception cref="TimeoutException">The command did not finish within <see cref="Timeout"/>; it was killed.</exception>
    public static async Task<CommandResult> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);

        // Under `dotnet test` the test host inherits the parent MSBuild's variables (MSBuildExtensionsPath,
        // MSBuildSDKsPath, ...); a child build must resolve its own. COMPILED_* would change what the consumer runs.
        foreach (var key in startInfo.Environment.Keys
                     .Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                                 || k.StartsWith("COMPILED_", StringComparison.OrdinalIgnoreCase))
                     .ToList())
        {
            startInfo.Environment.Remove(key);
        }

        // No MSBuild node or compiler server outlives the command (with redirected output a lingering server
        // would also hold the pipes open), and plain log lines rather than the terminal logger.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["MSBUILDTERMINALLOGGER"] = "off";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) startInfo.Environment[key] = value;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var commandLine = "dotnet " + string.Join(' ', arguments);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            // Also waits for the end of both redirected streams.
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* exited meanwhile */ }

            throw new TimeoutException($"`{commandLine}` did not finish within {Timeout}. Output so far:{Environment.NewLine}{Snapshot(output)}");
        }

        return new CommandResult(commandLine, process.ExitCode, Snapshot(output), stopwatch.Elapsed);
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH for its children), else <c>dotnet</c> on PATH.</summary>
    private static string DotnetExecutable()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output) return output.ToString();
    }
}
