using System.Diagnostics;
using System.Net;
using System.Text;

namespace Compiled.Cli.Viz;

/// <summary>
/// <c>viz --serve</c>: serves the page, the last run's record and a version stamp on 127.0.0.1, and writes the page
/// again (by running the rebuilt program's <c>viz</c>) when the project's build output changes. The page asks for the
/// version every second and reloads when it changes.
/// </summary>
internal sealed class VizServer(string pagePath, string lastRunPath, IReadOnlyList<string> rewriteArguments, TextWriter output, TextWriter error)
{
    /// <summary>How long the build output must be quiet before the page is written again.</summary>
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(1);

    public async Task<int> ServeAsync(int port, CancellationToken cancellationToken)
    {
        using var listener = new HttpListener();
        var prefix = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(prefix);
        try
        {
            listener.Start();
        }
        catch (HttpListenerException exception)
        {
            error.WriteLine($"error: cannot serve on {prefix} (--port {port}): {exception.Message}. Choose another port with --port.");
            return CompiledCli.UsageError;
        }

        var program = ProgramPath();
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(program.Assembly)!, Path.GetFileName(program.Assembly)) { EnableRaisingEvents = true };
        var rebuilt = 0;
        void Changed(object? sender, FileSystemEventArgs e) => Interlocked.Exchange(ref rebuilt, 1);
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Renamed += (sender, e) => Changed(sender, e);
        output.WriteLine($"Serving {prefix} (Ctrl+C to stop); the page is written again when {program.Assembly} is rebuilt.");

        using var registration = cancellationToken.Register(listener.Stop);
        var rewriter = RewriteOnRebuildAsync(program, () => Interlocked.Exchange(ref rebuilt, 0) == 1, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                break;
            }

            Respond(context);
        }

        try
        {
            await rewriter.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the expected end.
        }

        return 0;
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        response.Headers["Cache-Control"] = "no-store";
        string type;
        byte[] body;
        switch (context.Request.Url?.AbsolutePath)
        {
            case "/" or "/index.html":
                type = "text/html; charset=utf-8";
                body = File.ReadAllBytes(pagePath);
                break;
            case "/last-run.json":
                // No run yet is not an error for the page: null, not a 404 in its console.
                type = "application/json";
                body = File.Exists(lastRunPath) ? File.ReadAllBytes(lastRunPath) : "null"u8.ToArray();
                break;
            case "/version":
                type = "text/plain";
                body = Encoding.UTF8.GetBytes(File.GetLastWriteTimeUtc(pagePath).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case "/favicon.ico":
                response.StatusCode = 204;
                return;
            default:
                response.StatusCode = 404;
                return;
        }

        response.ContentType = type;
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
    }

    private async Task RewriteOnRebuildAsync((string Executable, string Assembly, bool ViaHost) program, Func<bool> takeChange, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(Debounce, cancellationToken).ConfigureAwait(false);
            if (!takeChange()) continue;
            await Task.Delay(Debounce, cancellationToken).ConfigureAwait(false);
            takeChange();
            var start = new ProcessStartInfo(program.Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (program.ViaHost) start.ArgumentList.Add(program.Assembly);
            foreach (var argument in rewriteArguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            output.WriteLine(process.ExitCode == 0
                ? $"Rebuilt: wrote {pagePath} again."
                : $"Rebuilt, but writing the page failed (exit code {process.ExitCode}): {(await stderr.ConfigureAwait(false)).Trim()}");
        }
    }

    /// <summary>The running program: its executable, the assembly a rebuild replaces, and whether the executable is the <c>dotnet</c> host.</summary>
    private static (string Executable, string Assembly, bool ViaHost) ProgramPath()
    {
        var executable = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the running program is unknown, so a rebuild cannot be followed.");
        // A JIT build runs bin/…/MyProject.dll (a rebuild replaces it); a native executable is its own program.
        var dll = Path.Combine(AppContext.BaseDirectory, System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name + ".dll");
        var assembly = File.Exists(dll) ? dll : executable;
        var viaHost = Path.GetFileNameWithoutExtension(executable).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return (executable, assembly, viaHost);
    }
}
