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
    private readonly Process _process;
    private readonly string _dataDirectory;

    private ServerProcess(Process process, int port, string dataDirectory)
    {
        _process = process;
        Port = port;
        _dataDirectory = dataDirectory;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Whether it is running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Starts <paramref name="tool"/> with the arguments <paramref name="arguments"/> builds from the port and data directory, and waits until it accepts connections.</summary>
    public static ServerProcess Start(string tool, Func<int, string, string[]> arguments)
    {
        var executable = Path.Combine(RepositoryRoot(), "tests", "servers", "node_modules", ".bin", tool);
        if (!File.Exists(executable))
            throw new InvalidOperationException($"{executable} is missing: run 'npm ci' in tests/servers (tests/run.sh does).");
        var dataDirectory = Directory.CreateTempSubdirectory("compiled-" + tool + "-").FullName;
        var port = FreePort();
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments(port, dataDirectory)) info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, port, dataDirectory);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Accepts(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                server.Dispose();
                lock (output) throw new InvalidOperationException($"{tool} did not start listening on 127.0.0.1:{port}. Its output:\n{output}");
            }
            Thread.Sleep(100);
        }
        return server;
    }

    /// <summary>Kills the server and its children.</summary>
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
