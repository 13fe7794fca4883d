using Compiled;
using Compiled.Orleans;
using Spaceflights.Model;

namespace Spaceflights.Cluster;

/// <summary>What the client runs on the cluster: the model input table, a sweep of data_science, a batch of predictions.</summary>
internal static class Workload
{
    public static async Task RunAsync(IClusterClient client, int rows, CancellationToken cancellationToken)
    {
        // data_science reads the model input table: make it once, on one silo (it lands in the shared project directory).
        await client.Pipeline<DataProcessingPipeline>().RunAsync(cancellationToken: cancellationToken);

        // A test_size × random_state sweep: 4 × 5 trainings, each run on some silo, streamed back as they complete.
        var parameters = (
            from testSize in new[] { 0.1, 0.2, 0.3, 0.4 }
            from randomState in Enumerable.Range(1, 5)
            select SpaceflightsParameters.Default with
            {
                ModelOptions = SpaceflightsParameters.Default.ModelOptions with { TestSize = testSize, RandomState = randomState },
            }).ToList();
        Console.WriteLine($"sweep: {parameters.Count} data_science runs");
        Console.WriteLine("run id                 test_size  random_state  r2_score");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await foreach (var run in client.Pipeline<DataSciencePipeline>().SweepAsync(parameters, runIdPrefix: "sweep", cancellationToken: cancellationToken))
        {
            var options = run.Item.ModelOptions;
            var outcome = run.Succeeded ? $"{run.Result.Metrics.R2Score:F4}" : $"failed: {run.Error}";
            Console.WriteLine($"{run.RunId,-22} {options.TestSize,9:F1}  {options.RandomState,12}  {outcome}");
        }

        Console.WriteLine($"sweep: {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

        // A batch of predictions in chunks of 1,000, with the regressor each silo holds.
        var shuttles = Enumerable.Range(0, rows).Select(i => new ShuttleFeatures(
            Engines: 1 + i % 4, PassengerCapacity: 2 + i % 8, Crew: 1 + i % 5, DCheckComplete: i % 3 == 0,
            MoonClearanceComplete: false, IataApproved: i % 2 == 0, CompanyRating: 0.5 + i % 50 / 100.0, ReviewScoresRating: 80 + i % 20)).ToList();
        started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (count, failed, total) = (0, 0, 0.0);
        await foreach (var prediction in client.Pipeline<PredictPipeline>().BatchAsync(shuttles, chunkSize: 1_000, cancellationToken: cancellationToken))
        {
            count++;
            if (prediction.Succeeded) total += prediction.Result.Price;
            else failed++;
        }

        Console.WriteLine($"batch: {count} predictions ({failed} failed) in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s, mean price {total / Math.Max(1, count - failed):F2}");
    }
}
