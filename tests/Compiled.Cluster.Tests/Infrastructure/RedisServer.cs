namespace Compiled.Cluster.Tests.Infrastructure;

/// <summary>Debian's redis-server as a plain process on a free loopback port, nothing saved; tests/run.sh installs it.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private RedisServer(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: run tests/run.sh (it installs Debian's redis-server) or apt-get install redis-server.");
        var port = FreePort.Next();
        var process = await ChildProcess.StartAsync("redis-server", executable,
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
            readyPrefix: "", timeout: TimeSpan.FromSeconds(30));
        var server = new RedisServer(process, port);
        await server.WaitUntilListeningAsync();
        return server;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"redis-server did not listen on {Endpoint}. {_process.Output}");
    }
}
