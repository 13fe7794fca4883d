using System.CommandLine;
using System.Globalization;
using Compiled.Cli.Viz;
using Compiled.Pipelines;

namespace Compiled.Cli;

public static partial class CompiledCli
{
    private static readonly string[] VizFormats = ["html", "mermaid", "json"];

    private static Command VizCommand(CliContext context)
    {
        var pipeline = new Option<string?>("--pipeline", "-p") { Description = "The pipeline shown first (html), drawn (mermaid) or selected (json); default: 'default', else the first." };
        var format = new Option<string>("--format", "-f") { Description = "html: a self-contained page; mermaid: a Mermaid flowchart; json: kedro-viz-shaped data.", DefaultValueFactory = _ => "html" };
        var outputPath = new Option<string?>("--output", "-o") { Description = "Where to write (html default: data/08_reporting/pipelines.html under the project; mermaid and json print when not given). Missing directories are created." };
        var environment = EnvironmentOption();
        var serve = new Option<bool>("--serve") { Description = "Serve the page on 127.0.0.1 and write it again when the project is rebuilt (html only)." };
        var port = new Option<int>("--port") { Description = "The port --serve listens on.", DefaultValueFactory = _ => 4141 };
        var live = new Option<bool>("--live") { Description = "Write the page as --serve serves it (used by --serve after a rebuild).", Hidden = true };
        var command = new Command("viz", "Draws the project's pipelines: an HTML page (laid out when written, works offline), a Mermaid flowchart or JSON.")
        {
            pipeline, format, outputPath, environment, serve, port, live,
        };
        command.SetAction((result, cancellationToken) => VizAsync(context, new VizRequest(
            result.GetValue(pipeline), result.GetValue(format) ?? "html", result.GetValue(outputPath), result.GetValue(environment),
            result.GetValue(serve), result.GetValue(port), result.GetValue(live)), cancellationToken));
        return command;
    }

    private static async Task<int> VizAsync(CliContext context, VizRequest request, CancellationToken cancellationToken)
    {
        var format = request.Format.ToLowerInvariant();
        if (!VizFormats.Contains(format))
        {
            return context.Usage($"Unknown format '{request.Format}' (--format): use html, mermaid or json.{NameSuggestions.DidYouMean(request.Format, VizFormats)}");
        }

        if (format == "html" && !VizFeature.IsHtmlPageSupported) return context.Usage(VizFeature.NativeAotMessage);
        if (request.Serve && format != "html") return context.Usage($"--serve serves the html page; it cannot be combined with --format {format}.");
        if (request.Port is < 1 or > 65535) return context.Usage($"--port {request.Port} is not a TCP port: use 1 to 65535 (default 4141).");
        if (!context.TryCreateSession(request.Environment, [], out var session)) return UsageError;
        IPipeline selected;
        if (request.Pipeline is null && session.FindPipeline("default") is null && session.Pipelines.Count > 0) selected = session.Pipelines[0];
        else if (!TryFindPipeline(context, session, request.Pipeline, out selected)) return UsageError;

        var path = request.Output ?? (format == "html" ? Path.Combine(session.ProjectPath, "data", "08_reporting", "pipelines.html") : null);
        if (path is not null && Directory.Exists(path))
        {
            return context.Usage($"--output '{path}' is a directory: give the file to write, e.g. {Path.Combine(path, "pipelines." + (format == "mermaid" ? "mmd" : format))}.");
        }

        var selectedName = selected.Definition.Name;
        var pipelines = format == "mermaid" ? [selected] : session.Pipelines;
        var graphs = pipelines.Select(p => VizGraphBuilder.Build(session, p.Definition)).ToList();
        var lastRunPath = LastRunHook.DefaultPath(session.ProjectPath);
        TimeSpan? layoutTime;
        try
        {
            if (path is not null && Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory && !Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
                context.Output.WriteLine($"Created {directory}.");
            }

            var project = Path.GetFileName(Path.TrimEndingDirectorySeparator(session.ProjectPath));
            layoutTime = await WriteVizAsync(context.Output, format, path, project, graphs, selectedName, lastRunPath, request.Serve || request.Live, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return context.Usage($"Cannot write '{path}' (--output): {exception.Message}");
        }

        if (path is not null)
        {
            var laidOut = layoutTime is { } time
                ? string.Create(CultureInfo.InvariantCulture, $": {graphs.Sum(g => g.Nodes.Count):N0} vertices of {graphs.Count} pipeline{(graphs.Count == 1 ? "" : "s")} laid out in {time.TotalSeconds:F2} s")
                : "";
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {Path.GetFullPath(path)} ({new FileInfo(path).Length / 1024.0:F1} KB){laidOut}."));
        }

        if (!request.Serve) return 0;

        string[] rewrite = ["viz", "--output", Path.GetFullPath(path!), "--pipeline", selectedName, "--env", session.Environment, "--live"];
        return await new VizServer(Path.GetFullPath(path!), lastRunPath, rewrite, context.Output, context.Error).ServeAsync(request.Port, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <paramref name="graphs"/> in <paramref name="format"/> to <paramref name="path"/> (the output when null: mermaid
    /// and json). The page goes to a temporary file first, so a served page is never read half-written.
    /// </summary>
    /// <returns>How long the layout took (html), or null.</returns>
    private static async Task<TimeSpan?> WriteVizAsync(
        TextWriter output, string format, string? path, string project, IReadOnlyList<VizGraph> graphs, string selected, string lastRunPath, bool live,
        CancellationToken cancellationToken)
    {
        switch (format)
        {
            case "mermaid":
                await using (var writer = path is null ? null : new StreamWriter(path))
                {
                    MermaidWriter.Write(writer ?? output, graphs[0]);
                }

                return null;
            case "json":
                await using (var stream = path is null ? new MemoryStream() : (Stream)File.Create(path))
                {
                    KedroVizJson.Write(stream, graphs, selected);
                    if (stream is MemoryStream buffer) output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }

                return null;
            default:
                var lastRun = File.Exists(lastRunPath) ? await File.ReadAllTextAsync(lastRunPath, cancellationToken).ConfigureAwait(false) : null;
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                var laidOut = graphs.Select(GraphLayout.Layout).ToList();
                var layoutTime = System.Diagnostics.Stopwatch.GetElapsedTime(start);
                var temporary = path + ".tmp";
                await using (var file = File.Create(temporary))
                {
                    VizPage.Write(file, project, laidOut, selected, lastRun, live);
                }

                File.Move(temporary, path!, overwrite: true);
                return layoutTime;
        }
    }

    private sealed record VizRequest(string? Pipeline, string Format, string? Output, string? Environment, bool Serve, int Port, bool Live);
}
