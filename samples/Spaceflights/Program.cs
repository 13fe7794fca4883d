using Compiled;
using Compiled.Cli;
using Compiled.Storage.Azure;
using Microsoft.Extensions.Logging;
using Spaceflights;
using Spaceflights.Model;

// With arguments, the project's command line: run (Kedro's filters, --params, --env, --runner, resume), list, viz.
//   dotnet run --project samples/Spaceflights -- run --pipeline data_science --params model_options.test_size=0.3
//   dotnet run --project samples/Spaceflights -- list
if (args.Length > 0)
{
    return await CompiledCli.RunAsync(args, options => SpaceflightsProject.CreateSession(options), new CliOptions
    {
        CommandName = "dotnet run --project samples/Spaceflights --",
        // FileStores: abfs:// paths (the `cloud` environment, conf/cloud) go to Azure Blob Storage.
        Session = new SessionOptions { JsonTypeInfoResolver = SpaceflightsJsonContext.Default, FileStores = [new AzureBlobFileStoreProvider()] },
    });
}

// Without arguments, the demo: the default pipeline, serving, and a parameter sweep.

// One session for the whole process: configuration is read once, datasets open on first use. The json datasets
// take their metadata from SpaceflightsJsonContext (source-generated), so the program also runs as native AOT.
using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss "; })
    .SetMinimumLevel(LogLevel.Information));
var session = SpaceflightsProject.CreateSession(new SessionOptions { LoggerFactory = loggerFactory, JsonTypeInfoResolver = SpaceflightsJsonContext.Default });

// 1. Kedro's default pipeline: data processing, then training and evaluation.
var result = await session.Default.RunAsync();
Console.WriteLine();
Console.WriteLine($"r2_score:  {result.Metrics.R2Score:F4}");
Console.WriteLine($"mae:       {result.Metrics.MeanAbsoluteError:F2}");
Console.WriteLine($"max_error: {result.Metrics.MaxError:F2}");

// 2. Serving: the regressor is an artifact of the predict pipeline, loaded once and shared by every run.
var quiet = SpaceflightsProject.CreateSession(new SessionOptions { JsonTypeInfoResolver = SpaceflightsJsonContext.Default });
var shuttles = Enumerable.Range(0, 1_000).Select(i => new ShuttleFeatures(
    Engines: 1 + i % 4, PassengerCapacity: 2 + i % 8, Crew: 1 + i % 5, DCheckComplete: i % 3 == 0,
    MoonClearanceComplete: false, IataApproved: i % 2 == 0, CompanyRating: 0.5 + i % 50 / 100.0, ReviewScoresRating: 80 + i % 20)).ToArray();
var started = System.Diagnostics.Stopwatch.GetTimestamp();
var prices = new double[shuttles.Length];
Parallel.For(0, shuttles.Length, i => prices[i] = quiet.Predict.Run(shuttles[i]).Price);
var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
Console.WriteLine();
Console.WriteLine($"predict: {prices.Length} predictions in {elapsed.TotalMilliseconds:F1} ms on one session " +
    $"(first: {prices[0]:F2}, last: {prices[^1]:F2}; regressor loaded once: {quiet.IsPreloaded(quiet.Catalog.Regressor)})");

// 3. A parameter sweep in one process: the same session, a different test_size per run.
Console.WriteLine();
Console.WriteLine("test_size  r2_score");
foreach (var testSize in new[] { 0.1, 0.2, 0.3, 0.4 })
{
    var parameters = quiet.Parameters with { ModelOptions = quiet.Parameters.ModelOptions with { TestSize = testSize } };
    var sweep = await quiet.DataScience.RunAsync(parameters: parameters, runId: $"sweep-test_size-{testSize}");
    Console.WriteLine($"{testSize,9:F1}  {sweep.Metrics.R2Score:F4}");
}

return 0;
