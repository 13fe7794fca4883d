using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Compiled.Cluster.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps the lines a client logs, each with the seconds since it was created, so that a fault test can
/// show what the client saw (sent, silo lost, re-queued) when it fails.
/// </summary>
internal sealed class LogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly long _start = Stopwatch.GetTimestamp();

    /// <summary>The lines logged so far.</summary>
    public IEnumerable<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line) => _lines.Enqueue($"{Stopwatch.GetElapsedTime(_start).TotalSeconds,8:F2}s {line}");

    private sealed class Logger(LogLines lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Add($"{logLevel,-11} {category}: {formatter(state, exception)}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}");
    }
}
