using Compiled;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Orders.Tests;

/// <summary>
/// A session given a logger factory logs each run under <c>Compiled.Run</c>, naming the run; a host that filters that
/// category below Information (a silo serving many small runs) gets no line.
/// </summary>
public sealed class RunLoggingTests : IDisposable
{
    private readonly ProjectDirectory _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void A_run_the_session_names_is_logged_with_its_id_when_Information_is_on()
    {
        var log = new LineLog(LogLevel.Information);
        var session = OrdersProject.CreateSession(new SessionOptions { ProjectPath = _project.Path, LoggerFactory = log });

        var run = session.StartRun("train", runId: null);
        run.PipelineStarting();
        run.PipelineCompleted();

        Assert.Equal(2, log.Lines.Count);
        Assert.Equal($"Compiled.Run Information: Running pipeline 'train' (run {run.RunId})", log.Lines[0]);
        Assert.StartsWith($"Compiled.Run Information: Completed pipeline 'train' (run {run.RunId}) in ", log.Lines[1]);
    }

    [Fact]
    public void Nothing_is_logged_when_the_category_is_filtered_to_Warning()
    {
        var log = new LineLog(LogLevel.Warning);
        var session = OrdersProject.CreateSession(new SessionOptions { ProjectPath = _project.Path, LoggerFactory = log });

        var run = session.StartRun("train", runId: null);
        run.PipelineStarting();
        run.NodeStarting("fit");
        run.NodeCompleted("fit");
        run.PipelineCompleted();

        Assert.Empty(log.Lines);
    }

    /// <summary>A logger factory that keeps the lines written at or above its level, "category level: message".</summary>
    private sealed class LineLog(LogLevel minimum) : ILoggerFactory
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(Lines, categoryName, minimum);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }

        private sealed class Logger(List<string> lines, string category, LogLevel minimum) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) lines.Add($"{category} {logLevel}: {formatter(state, exception)}");
            }
        }
    }
}
