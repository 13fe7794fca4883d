using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Orbits.Tests;

/// <summary><c>viz</c>'s other formats and its answers to bad input, through the project's command line (no browser).</summary>
public sealed class VizCommandTests : IDisposable
{
    private readonly ProjectCopy _spaceflights = ProjectCopy.Spaceflights();
    private readonly ProjectCopy _orbits = ProjectCopy.Orbits();

    [Fact]
    public async Task Mermaid_IsAFlowchart_WithEveryNodeAndEdge_UnderValidIds()
    {
        var (code, output, error) = await _spaceflights.CliAsync("viz", "--format", "mermaid");

        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("flowchart TB", lines[0]);
        var declarations = lines.Select(l => Regex.Match(l, "^([A-Za-z][A-Za-z0-9_]*)(\\[\"|\\[\\(\"|\\(\\[\"|\\[/\")(.*?)(\"\\]|\"\\)\\]|\"\\]\\)|\"/\\])$")).Where(m => m.Success).ToList();
        var labels = declarations.ToDictionary(m => m.Groups[1].Value, m => m.Groups[3].Value);
        var definition = _spaceflights.CreateSession().FindPipeline("default")!.Definition;
        var expected = definition.Nodes.Select(n => n.Name).Concat(definition.Datasets.Select(d => d.Name))
            .Concat(definition.Nodes.SelectMany(n => n.Parameters).Distinct().Select(p => "params:" + p)).Order().ToList();
        Assert.Equal(expected, labels.Values.Order().ToList());
        Assert.Equal(labels.Count, declarations.Select(m => m.Groups[1].Value).Distinct().Count());

        var edges = lines.Select(l => Regex.Match(l, "^(\\S+) --> (\\S+)$")).Where(m => m.Success).ToList();
        Assert.Equal(definition.Nodes.Sum(n => n.Inputs.Distinct().Count() + n.Parameters.Distinct().Count() + n.Outputs.Count), edges.Count);
        Assert.All(edges, m => Assert.True(labels.ContainsKey(m.Groups[1].Value) && labels.ContainsKey(m.Groups[2].Value), m.Value));
        Assert.Contains(edges, m => labels[m.Groups[1].Value] == "model_input_table" && labels[m.Groups[2].Value] == "split_data");
        Assert.Contains(edges, m => labels[m.Groups[1].Value] == "split_data" && labels[m.Groups[2].Value] == "X_train");
    }

    [Fact]
    public async Task Mermaid_DrawsEachModularPipelineAsASubgraph()
    {
        var (code, output, error) = await _orbits.CliAsync("viz", "--format", "mermaid");

        Assert.True(code == 0, error);
        Assert.Matches("subgraph s\\d+\\[\"north\"\\]", output);
        Assert.Matches("subgraph s\\d+\\[\"south\"\\]", output);
        Assert.Equal(2, Regex.Matches(output, "^\\s*end$", RegexOptions.Multiline).Count);
    }

    [Fact]
    public async Task Json_IsShapedAfterKedroVizsPipelineApi()
    {
        var path = _orbits.File("out/graph.json");

        var (code, _, error) = await _orbits.CliAsync("viz", "--format", "json", "--output", path);

        Assert.True(code == 0, error);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var nodes = root.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(10, nodes.Count(n => n.GetProperty("type").GetString() == "task")); // default's 5, and nested's 5 under 'fleet'
        Assert.Equal(["fleet.north"], nodes.Single(n => n.GetProperty("id").GetString() == "task:fleet.north.clean")
            .GetProperty("modular_pipelines").EnumerateArray().Select(e => e.GetString()).Where(m => m == "fleet.north"));
        var summarise = nodes.Single(n => n.GetProperty("id").GetString() == "task:north.summarise");
        Assert.Equal(["north"], summarise.GetProperty("modular_pipelines").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["default"], summarise.GetProperty("pipelines").EnumerateArray().Select(e => e.GetString()));
        Assert.EndsWith("Telemetry.Summarise(double[] clean, double threshold)", summarise.GetProperty("signature").GetString());
        Assert.Contains(root.GetProperty("edges").EnumerateArray(), e => e.GetProperty("source").GetString() == "data:north.summary" && e.GetProperty("target").GetString() == "task:report");
        var modular = root.GetProperty("modular_pipelines");
        Assert.Contains(modular.GetProperty("__root__").GetProperty("children").EnumerateArray(), c => c.GetProperty("id").GetString() == "north" && c.GetProperty("type").GetString() == "modularPipeline");
        Assert.Contains(modular.GetProperty("fleet").GetProperty("children").EnumerateArray(), c => c.GetProperty("id").GetString() == "fleet.south" && c.GetProperty("type").GetString() == "modularPipeline");
        Assert.Equal(["data:north.summary"], modular.GetProperty("north").GetProperty("outputs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["data:north.readings", "param:north.threshold"], modular.GetProperty("north").GetProperty("inputs").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal(["cleaning", "reporting", "stats"], root.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(["raw", "reporting"], root.GetProperty("layers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("default", root.GetProperty("selected_pipeline").GetString());
    }

    [Fact]
    public async Task AnUnknownPipeline_SaysDidYouMean_AndWritesNothing()
    {
        var (code, output, error) = await _spaceflights.CliAsync("viz", "--pipeline", "data_scince");

        Assert.Equal(2, code);
        Assert.Contains("Unknown pipeline 'data_scince' (--pipeline). Did you mean 'data_science'?", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_spaceflights.File("data/08_reporting/pipelines.html")), output);
    }

    [Fact]
    public async Task OutputIntoAMissingDirectory_CreatesIt()
    {
        var path = _spaceflights.File("nested/twice/page.html");

        var (code, output, error) = await _spaceflights.CliAsync("viz", "--output", path);

        Assert.True(code == 0, error);
        Assert.True(File.Exists(path));
        Assert.Contains($"Created {Path.GetDirectoryName(path)}.", output, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path));
    }

    [Fact]
    public async Task OutputNamingADirectory_IsRefusedWithTheFileToGive()
    {
        Directory.CreateDirectory(_spaceflights.File("pages"));

        var (code, _, error) = await _spaceflights.CliAsync("viz", "--output", _spaceflights.File("pages"));

        Assert.Equal(2, code);
        Assert.Contains("is a directory: give the file to write, e.g. ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFormat_NamesTheFormats()
    {
        var (code, _, error) = await _spaceflights.CliAsync("viz", "--format", "mermiad");

        Assert.Equal(2, code);
        Assert.Contains("Unknown format 'mermiad' (--format): use html, mermaid or json. Did you mean 'mermaid'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeWithAnotherFormat_OrAPortOutOfRange_IsRefused()
    {
        var (mermaidCode, _, mermaidError) = await _spaceflights.CliAsync("viz", "--serve", "--format", "mermaid");
        var (portCode, _, portError) = await _spaceflights.CliAsync("viz", "--serve", "--port", "70000");

        Assert.Equal(2, mermaidCode);
        Assert.Contains("--serve serves the html page; it cannot be combined with --format mermaid.", mermaidError, StringComparison.Ordinal);
        Assert.Equal(2, portCode);
        Assert.Contains("--port 70000 is not a TCP port: use 1 to 65535 (default 4141).", portError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _spaceflights.Dispose();
        _orbits.Dispose();
    }
}
