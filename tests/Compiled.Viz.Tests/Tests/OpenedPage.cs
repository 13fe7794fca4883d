using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Orbits.Tests;

/// <summary>A page of the browser with what it asked for and what it logged as errors.</summary>
public sealed class OpenedPage : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _errors = new();

    public OpenedPage(IPage page)
    {
        Page = page;
        page.Request += (_, request) => _requests.Enqueue(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _errors.Enqueue(message.Text);
        };
        page.PageError += (_, error) => _errors.Enqueue(error);
    }

    public IPage Page { get; }

    /// <summary>Every URL the page requested, the page itself included.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Console errors and uncaught exceptions.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public Task<int> CountAsync(string selector) => Page.Locator(selector).CountAsync();

    /// <summary>Saves what the page shows as <c>artifacts/{name}</c> under the test output, for a person to look at; returns the path.</summary>
    public async Task<string> SaveScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public ValueTask DisposeAsync() => new(Page.CloseAsync());
}
