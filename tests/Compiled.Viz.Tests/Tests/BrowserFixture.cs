using Microsoft.Playwright;
using Xunit;

namespace Orbits.Tests;

/// <summary>One headless Chromium for the tests of a class (launching takes about a second).</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var executable = Chromium.Executable();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>Opens the page file <paramref name="file"/>; see <see cref="OpenAsync(Uri)"/>.</summary>
    public Task<OpenedPage> OpenAsync(string file) => OpenAsync(new Uri(file));

    /// <summary>Opens <paramref name="address"/> in a new page that records every request and console error.</summary>
    public async Task<OpenedPage> OpenAsync(Uri address)
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var opened = new OpenedPage(page);
        await page.GotoAsync(address.AbsoluteUri);
        await page.WaitForSelectorAsync("html[data-ready='true']");
        return opened;
    }
}
