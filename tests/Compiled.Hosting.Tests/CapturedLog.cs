using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Compiled.Hosting.Tests;

/// <summary>
/// The log output of a running API, as its logger factory writes it (after its filters): one line per entry,
/// <c>Level Category[EventId]: message</c>, then the exception if any. Added to the application's own
/// <see cref="ILoggerFactory"/>, so it sees what the console would.
/// </summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Everything logged so far, one entry per line (an exception on the lines after its entry).</summary>
    public string Text => string.Join(Environment.NewLine, _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}" + (exception is null ? "" : Environment.NewLine + exception));
    }
}
