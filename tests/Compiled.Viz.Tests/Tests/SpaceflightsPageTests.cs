using Compiled.Pipelines;
using Xunit;

namespace Orbits.Tests;

/// <summary>Spaceflights, drawn: a page written before any run, then a real run of the default pipeline, then the page again.</summary>
public sealed class SpaceflightsPages : BrowserFixture
{
    public ProjectCopy Project { get; } = ProjectCopy.Spaceflights();

    /// <summary>The page written before any run: no last-run record exists.</summary>
    public string BeforeRun => Project.File("pages-before/pipelines.html");

    /// <summary>The page written after <c>run</c>.</summary>
    public string AfterRun => Project.File("data/08_reporting/pipelines.html");

    public PipelineDefinition Default { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Default = Project.CreateSession().FindPipeline("default")!.Definition;
        await Succeed(Project.CliAsync("viz", "--output", BeforeRun));
        await Succeed(Project.CliAsync("run"));
        await Succeed(Project.CliAsync("viz"));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Project.Dispose();
    }

    private static async Task Succeed(Task<(int ExitCode, string Output, string Error)> command)
    {
        var (code, output, error) = await command;
        if (code != 0) throw new InvalidOperationException($"The command failed with exit code {code}: {output}{error}");
    }
}

public sealed class SpaceflightsPageTests(SpaceflightsPages pages) : IClassFixture<SpaceflightsPages>
{
    private PipelineDefinition Default => pages.Default;

    [Fact]
    public async Task DefaultPipeline_DrawsEveryNodeDatasetAndParameter_AndEveryArrow()
    {
        await using var page = await pages.OpenAsync(pages.AfterRun);

        var parameters = Default.Nodes.SelectMany(n => n.Parameters).Distinct().Count();
        var arrows = Default.Nodes.Sum(n => n.Inputs.Distinct().Count() + n.Parameters.Distinct().Count() + n.Outputs.Count);
        Assert.Equal(6, await page.CountAsync("g.node.task"));
        Assert.Equal(Default.Nodes.Count, await page.CountAsync("g.node.task"));
        Assert.Equal(Default.Datasets.Count, await page.CountAsync("g.node.data"));
        Assert.Equal(parameters, await page.CountAsync("g.node.parameters"));
        Assert.Equal(arrows, await page.CountAsync("path.edge"));
        Assert.Equal("default", await page.Page.Locator("#pipeline option:checked").TextContentAsync());
    }

    [Fact]
    public async Task ClickingANode_ShowsItsCSharpSignatureAndFileLine()
    {
        await using var page = await pages.OpenAsync(pages.AfterRun);

        await page.Page.ClickAsync("g.node[data-id='task:split_data']");

        var line = Array.FindIndex(File.ReadAllLines(SampleFile("DataScience.cs")), l => l.Contains(" SplitData(", StringComparison.Ordinal)) + 1;
        Assert.True(line > 0);
        Assert.Equal("split_data", await page.Page.Locator("#panel h2").TextContentAsync());
        Assert.Equal($"DataScience.cs:{line}", await page.Page.Locator("#panel .source").TextContentAsync());
        var signature = await page.Page.Locator("#panel .signature").TextContentAsync();
        Assert.StartsWith("public static (double[][] XTrain, double[][] XTest, double[] YTrain, double[] YTest) DataScience.SplitData(", signature);
        Assert.Contains("ModelOptions options", signature, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClickingADataset_ShowsItsTypesFilePathAndLayer_AndAParameterItsValue()
    {
        await using var page = await pages.OpenAsync(pages.AfterRun);

        await page.Page.ClickAsync("g.node[data-id='data:companies']");
        Assert.Equal("Spaceflights.Model.CompanyRow[]", await page.Page.Locator("#panel .data-type").TextContentAsync());
        Assert.Equal("csv", await page.Page.Locator("#panel .catalog-type").TextContentAsync());
        Assert.Equal("data/01_raw/companies.csv", await page.Page.Locator("#panel .file-path").TextContentAsync());
        Assert.Equal("raw", await page.Page.Locator("#panel .layer").TextContentAsync());

        await page.Page.ClickAsync("g.node[data-id='param:model_options']");
        Assert.Equal("Spaceflights.Model.ModelOptions", await page.Page.Locator("#panel .data-type").TextContentAsync());
        Assert.Contains("\"test_size\": 0.2", await page.Page.Locator("#panel .value").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterARealRun_EveryNodeShowsItsStatusAndDuration()
    {
        await using var page = await pages.OpenAsync(pages.AfterRun);

        Assert.Equal(Default.Nodes.Count, await page.CountAsync("g.node.task.run-completed"));
        Assert.Equal(Default.Nodes.Count, await page.CountAsync("g.node.task text.duration"));
        Assert.Matches(@"^\d+ ms$|^\d+\.\d\d s$", await page.Page.Locator("g.node[data-id='task:train_model'] text.duration").TextContentAsync());
        Assert.StartsWith("Pipeline default completed in ", await page.Page.Locator("#last-run-summary").TextContentAsync());
        Assert.True(File.Exists(pages.Project.File("data/08_reporting/last-run.json")));
    }

    [Fact]
    public async Task WithoutALastRunRecord_ThePageStillWorks()
    {
        await using var page = await pages.OpenAsync(pages.BeforeRun);

        Assert.Equal(Default.Nodes.Count, await page.CountAsync("g.node.task"));
        Assert.Equal(0, await page.CountAsync("g.node.run-completed"));
        Assert.Contains("No run recorded yet", await page.Page.Locator("#last-run").TextContentAsync(), StringComparison.Ordinal);
        await page.Page.ClickAsync("g.node[data-id='task:train_model']");
        Assert.Equal("train_model", await page.Page.Locator("#panel h2").TextContentAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task ThePage_RequestsNothingButItself_AndLogsNoError()
    {
        await using var page = await pages.OpenAsync(pages.AfterRun);
        await page.Page.ClickAsync("g.node[data-id='task:split_data']");
        await page.Page.ClickAsync("#focus");
        await page.Page.FillAsync("#search", "model");
        await page.Page.SelectOptionAsync("#pipeline", new Microsoft.Playwright.SelectOptionValue { Label = "data_science" });

        Assert.Equal([new Uri(pages.AfterRun).AbsoluteUri], page.Requests);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Search_MarksTheMatches_AndDimsTheRest()
    {
        await using var page = await pages.OpenAsync(pages.AfterRun);

        await page.Page.FillAsync("#search", "model");

        var names = Default.Nodes.Select(n => n.Name).Concat(Default.Datasets.Select(d => d.Name))
            .Concat(Default.Nodes.SelectMany(n => n.Parameters).Distinct().Select(p => "params:" + p)).ToList();
        Assert.Equal(names.Count(n => n.Contains("model", StringComparison.OrdinalIgnoreCase)), await page.CountAsync("g.node.match"));
        Assert.Equal(names.Count(n => !n.Contains("model", StringComparison.OrdinalIgnoreCase)), await page.CountAsync("g.node.dimmed"));
    }

    [Fact]
    public async Task ALayer_HighlightsItsDatasets()
    {
        await using var page = await pages.OpenAsync(pages.AfterRun);
        Assert.Equal(["raw", "intermediate", "primary", "models", "reporting"], await page.Page.Locator("#layers button").AllTextContentsAsync());

        await page.Page.ClickAsync("#layers button[data-layer='raw']");

        Assert.Equal(["data:companies", "data:reviews", "data:shuttles"], await page.Page.Locator("g.node.in-layer").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.id).sort()"));
        Assert.Equal(await page.CountAsync("g.node") - 3, await page.CountAsync("g.node.dimmed"));
    }

    [Fact]
    public async Task FocusMode_KeepsANodesUpstreamAndDownstream_AndFadesTheRest()
    {
        await using var page = await pages.OpenAsync(pages.AfterRun);

        await page.Page.ClickAsync("g.node[data-id='task:train_model']");
        await page.Page.ClickAsync("#focus");

        var upstream = Default.ToNodes("train_model").Select(n => "task:" + n.Name);
        var downstream = Default.FromNodes("train_model").Select(n => "task:" + n.Name);
        foreach (var task in upstream.Concat(downstream)) Assert.Equal(0, await page.CountAsync($"g.node.faded[data-id='{task}']"));
        Assert.Equal(1, await page.CountAsync("g.node.faded[data-id='data:X_test']"));
        Assert.Equal(0, await page.CountAsync("g.node.faded[data-id='data:companies']"));
        Assert.Equal(0, await page.CountAsync("g.node.faded[data-id='data:metrics']"));
    }

    [Fact]
    public async Task ThePipelineSelector_ShowsEachPipeline()
    {
        await using var page = await pages.OpenAsync(pages.AfterRun);

        await page.Page.SelectOptionAsync("#pipeline", new Microsoft.Playwright.SelectOptionValue { Label = "data_processing" });

        var dataProcessing = pages.Project.CreateSession().FindPipeline("data_processing")!.Definition;
        Assert.Equal(dataProcessing.Nodes.Count, await page.CountAsync("g.node.task"));
        Assert.Equal(dataProcessing.Datasets.Count, await page.CountAsync("g.node.data"));
    }

    [Fact]
    public async Task AScreenshotOfThePage_IsSavedAsATestArtifact()
    {
        await using var page = await pages.OpenAsync(pages.AfterRun);
        await page.Page.ClickAsync("g.node[data-id='task:split_data']");
        Assert.Equal("Spaceflights pipelines", await page.Page.TitleAsync());
        var path = await page.SaveScreenshotAsync("viz-spaceflights.png");

        Assert.True(new FileInfo(path).Length > 10_000, $"The screenshot {path} is suspiciously small.");
    }

    private static string SampleFile(string name)
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var candidate = Path.Combine(directory, "samples", "Spaceflights", name);
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"samples/Spaceflights/{name} is not above {AppContext.BaseDirectory}.");
    }
}
