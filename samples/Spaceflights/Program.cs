using Compiled;
using Microsoft.Extensions.Logging;
using Spaceflights;

using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss "; })
    .SetMinimumLevel(LogLevel.Information));

var session = SpaceflightsProject.CreateSession(new SessionOptions { LoggerFactory = loggerFactory });
var result = await session.Default.RunAsync();

Console.WriteLine();
Console.WriteLine($"r2_score:  {result.Metrics.R2Score:F4}");
Console.WriteLine($"mae:       {result.Metrics.MeanAbsoluteError:F2}");
Console.WriteLine($"max_error: {result.Metrics.MaxError:F2}");
