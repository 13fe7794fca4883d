using Xunit;

namespace Orbits.Tests;

/// <summary>The Orbits project drawn: two instances of a modular pipeline ('north', 'south') and tagged nodes.</summary>
public sealed class OrbitsPages : BrowserFixture
{
    public ProjectCopy Project { get; } = ProjectCopy.Orbits();

    public string Page => Project.File("data/08_reporting/pipelines.html");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (code, output, error) = await Project.CliAsync("viz");
        if (code != 0) throw new InvalidOperationException($"viz failed with exit code {code}: {output}{error}");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Project.Dispose();
    }
}

public sealed class OrbitsPageTests(OrbitsPages pages) : IClassFixture<OrbitsPages>
{
    [Fact]
    public async Task CollapsingAModularPipeline_HidesItsNodes_BehindOneBox_AndExpandingShowsThemAgain()
    {
        await using var page = await pages.OpenAsync(pages.Page);
        Assert.Equal(2, await page.CountAsync("g.node.task[data-id^='task:north.']"));
        Assert.Equal(1, await page.CountAsync(".frame[data-namespace='north']"));
        await page.SaveScreenshotAsync("viz-orbits-expanded.png");

        await page.Page.ClickAsync("#namespaces button[data-namespace='north']");
        await page.SaveScreenshotAsync("viz-orbits-north-collapsed.png");

        Assert.Equal(0, await page.CountAsync("g.node[data-id^='task:north.']"));
        Assert.Equal(0, await page.CountAsync("g.node[data-id='data:north.clean']"));
        Assert.Equal(1, await page.CountAsync("g.node.namespace[data-namespace='north']"));
        Assert.Equal(2, await page.CountAsync("g.node.task[data-id^='task:south.']"));
        // The report still reads from the collapsed box: an arrow from it to the summary's reader.
        Assert.Equal(1, await page.CountAsync("path.edge[data-source='ns:north']"));

        await page.Page.ClickAsync("g.node.namespace[data-namespace='north']");

        Assert.Equal(2, await page.CountAsync("g.node.task[data-id^='task:north.']"));
        Assert.Equal(0, await page.CountAsync("g.node.namespace"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task FilteringByTag_KeepsTheTaggedNodesAndTheirData()
    {
        await using var page = await pages.OpenAsync(pages.Page);
        Assert.Equal(5, await page.CountAsync("g.node.task"));

        await page.Page.CheckAsync("#tags input[data-tag='stats']");

        Assert.Equal(["task:north.summarise", "task:south.summarise"], await page.Page.Locator("g.node.task").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.id).sort()"));
        Assert.Equal(1, await page.CountAsync("g.node[data-id='param:north.threshold']"));
        Assert.Equal(0, await page.CountAsync("g.node[data-id='data:north.readings']"));

        await page.Page.CheckAsync("#tags input[data-tag='reporting']");
        Assert.Equal(3, await page.CountAsync("g.node.task"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task NestedModularPipelines_AreFramedInsideTheirParent_AndCollapseTogether()
    {
        await using var page = await pages.OpenAsync(pages.Page);
        await page.Page.SelectOptionAsync("#pipeline", new Microsoft.Playwright.SelectOptionValue { Label = "nested" });
        Assert.Equal(["fleet", "fleet.north", "fleet.south"], await page.Page.Locator(".frame").EvaluateAllAsync<string[]>("frames => frames.map(f => f.dataset.namespace).sort()"));
        var outer = await page.Page.Locator(".frame[data-namespace='fleet'] rect").BoundingBoxAsync();
        var inner = await page.Page.Locator(".frame[data-namespace='fleet.north'] rect").BoundingBoxAsync();
        Assert.True(inner!.X >= outer!.X && inner.Y >= outer.Y && inner.X + inner.Width <= outer.X + outer.Width && inner.Y + inner.Height <= outer.Y + outer.Height);

        await page.Page.ClickAsync("#namespaces button[data-namespace='fleet']");

        Assert.Equal(0, await page.CountAsync("g.node.task"));
        Assert.Equal(["data:north.readings", "data:south.readings", "ns:fleet"], await page.Page.Locator("g.node").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.id).sort()"));
        Assert.Equal(2, await page.CountAsync("path.edge[data-target='ns:fleet']"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task ANamespacedParameter_ShowsItsTypeAndValue()
    {
        await using var page = await pages.OpenAsync(pages.Page);

        await page.Page.ClickAsync("g.node[data-id='param:south.threshold']");

        Assert.Equal("params:south.threshold", await page.Page.Locator("#panel h2").TextContentAsync());
        Assert.Equal("double", await page.Page.Locator("#panel .data-type").TextContentAsync());
        Assert.Equal("2.5", await page.Page.Locator("#panel .value").TextContentAsync());
    }
}
