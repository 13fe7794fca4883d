using Compiled;
using MyNamespace.Model;
using Xunit;

namespace MyNamespace.Tests;

/// <summary>Runs the spaceflights pipelines on a copy of the project's conf/ and raw data, so that the runs never touch the project's own files.</summary>
public sealed class PipelineTests : IDisposable
{
    private static readonly ShuttleFeatures Features = new(
        Engines: 2, PassengerCapacity: 4, Crew: 3, DCheckComplete: true, MoonClearanceComplete: false, IataApproved: true,
        CompanyRating: 0.9, ReviewScoresRating: 95);

    private readonly string _project = Path.Combine(Path.GetTempPath(), "ProjectDirName-tests", Guid.NewGuid().ToString("N"));

    public PipelineTests()
    {
        var source = FindProject();
        Copy(Path.Combine(source, "conf", "base"), Path.Combine(_project, "conf", "base"));
        Copy(Path.Combine(source, "data", "01_raw"), Path.Combine(_project, "data", "01_raw"));
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);

    // The json datasets fall back to reflection-based metadata here (the program passes SpaceflightsJsonContext).
    private MyNamespaceSession CreateSession() => MyNamespaceProject.CreateSession(new SessionOptions { ProjectPath = _project });

    [Fact]
    public async Task Default_pipeline_trains_a_regressor_that_explains_the_prices_and_saves_it_versioned()
    {
        var metrics = (await CreateSession().Default.RunAsync()).Metrics;

        Assert.InRange(metrics.R2Score, 0.1, 1.0); // a trained model, not NaN or a constant
        Assert.True(metrics.MeanAbsoluteError > 0 && metrics.MaxError >= metrics.MeanAbsoluteError, $"metrics {metrics}");
        Assert.Single(Directory.GetDirectories(Path.Combine(_project, "data", "06_models", "regressor.json")));
        Assert.True(File.Exists(Path.Combine(_project, "data", "08_reporting", "metrics.json")), "metrics.json was not saved");
    }

    [Fact]
    public async Task Data_science_takes_other_parameters_per_run()
    {
        var session = CreateSession();
        await session.DataProcessing.RunAsync();

        var first = (await session.DataScience.RunAsync()).Metrics;
        var other = session.Parameters with { ModelOptions = session.Parameters.ModelOptions with { TestSize = 0.4 } };
        var second = (await session.DataScience.RunAsync(parameters: other)).Metrics;

        Assert.NotEqual(first.R2Score, second.R2Score); // another split, another held-out set
    }

    [Fact]
    public async Task Predict_pipeline_prices_a_shuttle_given_at_run_time_with_the_trained_regressor_as_an_artifact()
    {
        var session = CreateSession();
        await session.Default.RunAsync();

        var price = session.Predict.Run(Features).Price;

        Assert.True(double.IsFinite(price) && price > 0, $"predicted price {price}");
        Assert.True(session.IsPreloaded(session.Catalog.Regressor));
        Assert.Equal(price, session.Predict.Run(Features).Price);
    }

    private static string FindProject()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, "src", "ProjectDirName");
            if (Directory.Exists(Path.Combine(project, "conf", "base"))) return project;
        }

        throw new DirectoryNotFoundException("src/ProjectDirName/conf/base not found above " + AppContext.BaseDirectory);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
