using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Compiled.Benchmarks.Storage;

/// <summary>An emulator from tests/servers/node_modules/.bin on 127.0.0.1 and a free port; disposing kills it and deletes its data.</summary>
internal sealed class Emulator : IDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private Emulator(Process process, int port, string data)
    {
        _process = process;
        Port = port;
        _data = data;
    }

    public int Port { get; }

    public static Emulator Start(string tool, Func<int, string, string[]> arguments)
    {
        var executable = Path.Combine(Infrastructure.ProjectDirectory.Path, "..", "..", "tests", "servers", "node_modules", ".bin", tool);
        if (!File.Exists(executable)) throw new InvalidOperationException($"{executable} is missing: run 'npm ci' in tests/servers.");
        var data = Directory.CreateTempSubdirectory("compiled-bench-" + tool + "-").FullName;
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments(port, data)) info.ArgumentList.Add(argument);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var emulator = new Emulator(process, port, data);
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; Thread.Sleep(100))
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return emulator;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            catch (SocketException)
            {
                emulator.Dispose();
                throw new InvalidOperationException($"{tool} did not start on 127.0.0.1:{port}.");
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}
