using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Compiled.Cli.Viz;

/// <summary>
/// Writes the self-contained pipeline page: one HTML file with the laid-out graphs as JSON data, and the page's own
/// style and script (embedded resources of this assembly) inline. It loads nothing: a Content-Security-Policy forbids
/// every external request, and only a page served by <c>viz --serve</c> talks to its own origin.
/// </summary>
internal static class VizPage
{
    /// <summary>Writes the page.</summary>
    /// <param name="output">Where to write the HTML.</param>
    /// <param name="project">The project's name, for the title.</param>
    /// <param name="graphs">Every pipeline, laid out.</param>
    /// <param name="selected">The pipeline shown first.</param>
    /// <param name="lastRun">The last run's record (the JSON <see cref="LastRunHook"/> writes), or null.</param>
    /// <param name="live">Whether the page is served by <c>viz --serve</c> and should follow rebuilds and runs.</param>
    public static void Write(Stream output, string project, IReadOnlyList<LaidOutGraph> graphs, string selected, string? lastRun, bool live)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        var title = System.Net.WebUtility.HtmlEncode(project) + " pipelines";
        writer.Write($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'">
            <title>{title}</title>
            <style>
            {Resource("viz.css")}</style>
            </head>
            <body>
            <header><h1>{title}</h1><label>Pipeline <select id="pipeline"></select></label><input id="search" type="search" placeholder="Search nodes and datasets" aria-label="Search"></header>
            <aside id="sidebar">
            <h2>Tags</h2><div id="tags"></div>
            <h2>Modular pipelines</h2><div id="namespaces"></div>
            <h2>Layers</h2><div id="layers"></div>
            <h2>Last run</h2><div id="last-run"></div>
            </aside>
            <main id="canvas"><svg id="graph" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Pipeline flowchart"></svg></main>
            <aside id="panel" hidden></aside>
            <script type="application/json" id="viz-data">
            """);
        writer.Flush();
        WriteData(output, project, graphs, selected, lastRun, live);
        writer.Write($"""

            </script>
            <script>
            {Resource("viz.js")}</script>
            </body>
            </html>

            """);
    }

    /// <summary>The graph data the script reads. The default encoder escapes <c>&lt;</c>, so no value can close the script element.</summary>
    private static void WriteData(Stream output, string project, IReadOnlyList<LaidOutGraph> graphs, string selected, string? lastRun, bool live)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("project", project);
        json.WriteString("selected", selected);
        json.WriteBoolean("live", live);
        json.WritePropertyName("lastRun");
        if (lastRun is null) json.WriteNullValue();
        else
        {
            using var document = JsonDocument.Parse(lastRun);
            document.RootElement.WriteTo(json);
        }

        json.WriteStartArray("pipelines");
        foreach (var laidOut in graphs)
        {
            var graph = laidOut.Graph;
            json.WriteStartObject();
            json.WriteString("name", graph.Name);
            json.WriteNumber("width", Math.Ceiling(laidOut.Width));
            json.WriteNumber("height", Math.Ceiling(laidOut.Height));
            json.WriteStrings("tags", graph.Tags);
            json.WriteStrings("namespaces", graph.Namespaces);
            json.WriteStrings("layers", graph.Layers);
            json.WriteStartArray("nodes");
            foreach (var node in graph.Nodes)
            {
                var box = laidOut.Boxes[node.Id];
                json.WriteStartObject();
                json.WriteString("id", node.Id);
                json.WriteString("name", node.Name);
                json.WriteString("kind", JsonWriting.KindName(node.Kind));
                json.WriteOptional("namespace", node.Namespace);
                json.WriteStrings("tags", node.Tags);
                json.WriteNumber("x", Math.Round(box.X, 1));
                json.WriteNumber("y", Math.Round(box.Y, 1));
                json.WriteNumber("w", Math.Round(box.Width, 1));
                json.WriteNumber("h", Math.Round(box.Height, 1));
                json.WriteOptional("catalog_type", node.CatalogType);
                json.WriteOptional("layer", node.Layer);
                json.WriteDetails(node);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("clusters");
            foreach (var ns in graph.Namespaces)
            {
                var box = laidOut.Boxes["ns:" + ns];
                json.WriteStartObject();
                json.WriteString("namespace", ns);
                json.WriteNumber("x", Math.Round(box.X, 1));
                json.WriteNumber("y", Math.Round(box.Y, 1));
                json.WriteNumber("w", Math.Round(box.Width, 1));
                json.WriteNumber("h", Math.Round(box.Height, 1));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("edges");
            for (var i = 0; i < graph.Edges.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("source", graph.Edges[i].Source);
                json.WriteString("target", graph.Edges[i].Target);
                json.WriteString("path", laidOut.EdgePaths[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }


    private static string Resource(string name)
    {
        using var stream = typeof(VizPage).Assembly.GetManifestResourceStream("Compiled.Cli.Viz." + name)
            ?? throw new InvalidOperationException($"The page resource '{name}' is missing from {typeof(VizPage).Assembly.GetName().Name}: rebuild Compiled.Cli.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
