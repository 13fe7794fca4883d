using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Compiled.Package.Tests;
using Xunit;
using Xunit.Abstractions;

namespace Compiled.Templates.Tests;

/// <summary>
/// <c>dotnet new compiled --serving</c>: the solution, API included, builds with no warning, and the API serves the
/// quote pipeline with MapPipeline on 127.0.0.1 (a free port picked now) once the default pipeline wrote the price list.
/// </summary>
[Collection(TemplateCollection.Name)]
public sealed class ServingTemplateTests(TemplateFeed feed, ITestOutputHelper output)
{
    [Fact]
    public async Task Serving_project_builds_and_its_api_quotes_an_order_over_http()
    {
        var root = Path.Combine(feed.WorkDirectory, "serving");
        Directory.CreateDirectory(root);
        await feed.RunAsync(output, root, "new", "compiled", "-n", "Shop", "--serving");
        var project = Path.Combine(root, "Shop");
        feed.WriteNuGetConfig(project);
        Assert.True(File.Exists(Path.Combine(project, "src", "Shop.Api", "Program.cs")), "--serving did not add src/Shop.Api");

        var build = await feed.RunAsync(output, project, "build", "--disable-build-servers");
        Assert.DoesNotMatch(@": warning [A-Z]+[0-9]+:(?! NU19)", build.Output);
        await feed.RunAsync(output, project, "run", "--project", "src/Shop", "--no-build", "--", "run");

        var port = FreePort();
        var log = new System.Text.StringBuilder();
        using var api = Start(project, log, "run", "--project", "src/Shop.Api", "--no-build", "--urls", $"http://127.0.0.1:{port}");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var response = await PostWhenListening(client, api, "/quote", new { order = new { product = "widget", quantity = 3 } });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
            using var json = JsonDocument.Parse(body);
            Assert.Equal(7.50m, json.RootElement.GetProperty("quote").GetProperty("total").GetDecimal()); // 3 × (2.00 + 25 %)

            var unknown = await client.PostAsJsonAsync("/quote", new { order = new { product = "sprocket", quantity = 1 } });
            Assert.False(unknown.IsSuccessStatusCode, "an order of an unknown product was quoted");
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
            lock (log) output.WriteLine(log.ToString());
        }
    }

    private static async Task<HttpResponseMessage> PostWhenListening(HttpClient client, Process api, string path, object body)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await client.PostAsJsonAsync(path, body);
            }
            catch (HttpRequestException) when (attempt < 600 && !api.HasExited)
            {
                await Task.Delay(200); // not listening yet
            }
        }
    }

    private Process Start(string directory, System.Text.StringBuilder log, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList()) startInfo.Environment.Remove(key);
        foreach (var (key, value) in feed.Environment) startInfo.Environment[key] = value;
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
