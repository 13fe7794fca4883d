using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Compiled.Storage.Tests.Servers;

/// <summary>
/// An emulator from <c>tests/servers/node_modules/.bin</c> running on 127.0.0.1 on a port free when it started,
/// with its data in a temporary directory; disposing it kills it (and its children) and deletes the directory.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly string _tool;
    private readonly string[] _arguments;
    private readonly string _dataDirectory;
    private Process _process;

    private ServerProcess(string tool, string[] arguments, int port, string dataDirectory)
    {
        _tool = tool;
        _arguments = arguments;
        Port = port;
        _dataDirectory = dataDirectory;
        _process = Launch(tool, arguments, port);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Whether it is running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Starts <paramref name="tool"/> with the arguments <paramref name="arguments"/> builds from the port and data directory, and waits until it accepts connections.</summary>
    public static ServerProcess Start(string tool, Func<int, string, string[]> arguments)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("compiled-" + tool + "-").FullName;
        var port = FreePort();
        try
        {
            return new ServerProcess(tool, arguments(port, dataDirectory), port, dataDirectory);
        }
        catch
        {
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>Starts the server again, after <see cref="Kill"/>, on the same port and data directory.</summary>
    public void Restart()
    {
        Kill();
        _process.Dispose();
        _process = Launch(_tool, _arguments, Port);
    }

    private static Process Launch(string tool, string[] arguments, int port)
    {
        var executable = Path.Combine(RepositoryRoot(), "tests", "servers", "node_modules", ".bin", tool);
        if (!File.Exists(executable))
            throw new InvalidOperationException($"{executable} is missing: run 'npm ci' in tests/servers (tests/run.sh does).");
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Generous: on a loaded machine Azurite (a large node module tree) takes more than a minute to listen.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!Accepts(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                process.Dispose();
                lock (output) throw new InvalidOperationException($"{tool} did not start listening on 127.0.0.1:{port}. Its output:\n{output}");
            }
            Thread.Sleep(100);
        }
        return process;
    }

    /// <summary>Kills the server and its children (SIGKILL: no chance to finish what it was doing).</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying server: the temporary directory is the system's to clean.
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Compiled.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("The repository (Compiled.sln) was not found above " + AppContext.BaseDirectory);
    }
}
