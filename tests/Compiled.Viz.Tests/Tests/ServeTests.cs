using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Orbits.Tests;

/// <summary>
/// <c>viz --serve</c> of the real Spaceflights program (a process of its own): the page served on 127.0.0.1 follows a
/// run (overlay redrawn) and a rebuild (the program's assembly changes: the page is written again and reloads).
/// </summary>
public sealed class ServeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheServedPage_ShowsANewRun_AndReloadsWhenTheProjectIsRebuilt()
    {
        using var project = ProjectCopy.Spaceflights();
        var port = FreePort();
        var program = Path.Combine(AppContext.BaseDirectory, "Spaceflights.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { program, "viz", "--serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(argument);
        start.Environment["COMPILED_PROJECT_PATH"] = project.Path;
        using var server = Process.Start(start)!;
        try
        {
            var lines = new List<string>();
            while (await server.StandardOutput.ReadLineAsync() is { } line && lines.Count < 5)
            {
                lines.Add(line);
                if (line.StartsWith("Serving", StringComparison.Ordinal)) break;
            }

            Assert.Contains($"Serving http://127.0.0.1:{port}/ (Ctrl+C to stop)", lines.LastOrDefault() ?? await server.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
            await using var page = await browser.OpenAsync(new Uri($"http://127.0.0.1:{port}/"));
            Assert.Equal(0, await page.CountAsync("g.node.run-completed"));

            Assert.Equal(0, (await project.CliAsync("run")).ExitCode);
            await page.Page.WaitForSelectorAsync("g.node.task.run-completed", new() { Timeout = 15_000 });
            Assert.Equal(6, await page.CountAsync("g.node.task.run-completed"));

            await page.Page.EvaluateAsync("() => { window.beforeRebuild = true; }");
            File.SetLastWriteTimeUtc(program, DateTime.UtcNow);
            await page.Page.WaitForFunctionAsync("() => window.beforeRebuild === undefined && document.documentElement.dataset.ready === 'true'", null, new() { Timeout = 30_000 });
            Assert.Equal(6, await page.CountAsync("g.node.task"));
            Assert.All(page.Requests, url => Assert.StartsWith($"http://127.0.0.1:{port}/", url));
            Assert.Empty(page.Errors);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
