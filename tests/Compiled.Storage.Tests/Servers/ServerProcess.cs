using System.Diagnostics;
using System.Globalization;
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
    private readonly string? _preload;
    private readonly string _dataDirectory;
    private Process _process;

    private ServerProcess(string tool, string[] arguments, string? preload, int port, string dataDirectory)
    {
        _tool = tool;
        _arguments = arguments;
        _preload = preload;
        Port = port;
        _dataDirectory = dataDirectory;
        _process = Launch(tool, arguments, preload, port);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Whether it is running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Azurite's Blob Storage service, without telemetry (it would call outside the machine).</summary>
    public static ServerProcess StartAzurite() => Start("azurite-blob", (port, dir) =>
        ["--blobHost", "127.0.0.1", "--blobPort", Text(port), "--location", dir, "--skipApiVersionCheck", "--disableTelemetry", "--silent"]);

    /// <summary>
    /// s3rver, with <c>tests/servers/s3rver-read-after-write.js</c> loaded: without it, s3rver answers a put before the
    /// object's file is written, and a read right after can see a short object (the file says why).
    /// </summary>
    public static ServerProcess StartS3rver() =>
        Start("s3rver", (port, dir) => ["-d", dir, "-a", "127.0.0.1", "-p", Text(port), "--silent"], preload: "s3rver-read-after-write.js");

    /// <summary>
    /// Starts <paramref name="tool"/> with the arguments <paramref name="arguments"/> builds from the port and data
    /// directory, and waits until it accepts connections. <paramref name="preload"/>, a script in <c>tests/servers</c>,
    /// is loaded into its node process first (<c>--require</c>).
    /// </summary>
    private static ServerProcess Start(string tool, Func<int, string, string[]> arguments, string? preload = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("compiled-" + tool + "-").FullName;
        var port = FreePort();
        try
        {
            return new ServerProcess(tool, arguments(port, dataDirectory), preload, port, dataDirectory);
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
        _process = Launch(_tool, _arguments, _preload, Port);
    }

    /// <summary><c>tests/servers</c>: the emulators' <c>package.json</c>, their <c>node_modules</c> and the scripts loaded into them.</summary>
    public static string ServersDirectory => Path.Combine(RepositoryRoot(), "tests", "servers");

    private static Process Launch(string tool, string[] arguments, string? preload, int port)
    {
        var servers = ServersDirectory;
        var executable = Path.Combine(servers, "node_modules", ".bin", tool);
        if (!File.Exists(executable))
            throw new InvalidOperationException($"{executable} is missing: run 'npm ci' in tests/servers (tests/run.sh does).");
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        if (preload is not null) info.Environment["NODE_OPTIONS"] = $"--require \"{Path.Combine(servers, preload)}\"";
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

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

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
