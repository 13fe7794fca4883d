using System.Text.Json;
using Compiled.Config;
using Compiled.Runners;
using Spaceflights;
using Spaceflights.Model;
using Xunit;

namespace Compiled.KedroConf.Tests;

/// <summary>
/// The spaceflights nodes built against a Kedro conf/ written as Kedro's starter writes it run as they do with the
/// sample's own conf/: the same R², the regressor a versioned pickle.PickleDataset, metrics a json.JSONDataset whose
/// path takes a ${runtime_params:…}.
/// </summary>
public sealed class KedroConfRunTests
{
    private static SpaceflightsSession Session(ProjectCopy project, string? environment = null) => SpaceflightsProject.CreateSession(new SessionOptions
    {
        ProjectPath = project.Path,
        Environment = environment,
        JsonTypeInfoResolver = SpaceflightsJsonContext.Default,
    });

    [Fact]
    public async Task Default_pipeline_on_the_kedro_conf_gives_the_r2_of_the_sample_conf()
    {
        using var kedro = ProjectCopy.WithKedroConf();
        using var sample = ProjectCopy.WithSampleConf();

        var kedroMetrics = (await Session(kedro).Default.RunAsync()).Metrics;
        var sampleMetrics = (await Session(sample).Default.RunAsync()).Metrics;

        Assert.InRange(kedroMetrics.R2Score, 0.1, 1.0); // a trained model, not NaN or a constant
        Assert.Equal(sampleMetrics, kedroMetrics);
    }

    [Fact]
    public async Task Regressor_is_saved_as_a_versioned_pickle_dataset_and_metrics_where_runtime_params_says()
    {
        using var kedro = ProjectCopy.WithKedroConf();
        var session = Session(kedro);

        var result = await session.Default.RunAsync(runLabel: "sweep-1");

        var versions = Directory.GetDirectories(kedro.File("data", "06_models", "regressor.pickle"));
        var version = Assert.Single(versions);
        Assert.True(File.Exists(Path.Combine(version, "regressor.pickle")), "the versioned regressor file is missing");
        var saved = JsonSerializer.Deserialize(File.ReadAllText(kedro.File("data", "08_reporting", "metrics_sweep-1.json")), SpaceflightsJsonContext.Default.Metrics);
        Assert.Equal(result.Metrics, saved);
        Assert.False(File.Exists(kedro.File("data", "08_reporting", "metrics_latest.json")));

        // Without the runtime value, its default from the YAML.
        await session.DataScience.RunAsync();
        Assert.True(File.Exists(kedro.File("data", "08_reporting", "metrics_latest.json")));
    }

    [Fact]
    public async Task Params_naming_a_runtime_params_key_set_the_parameters_that_take_it_as_kedro_run_params_does()
    {
        using var kedro = ProjectCopy.WithKedroConf();
        var session = Session(kedro);
        await session.DataProcessing.RunAsync();

        // What `run --params test_size=0.3` passes: the key of ${runtime_params:test_size, 0.2}, not the parameter's path.
        await session.FindPipeline("data_science")!.ExecuteAsync(new RunOptions { ParameterOverrides = ["test_size=0.3"] });
        var byKey = JsonSerializer.Deserialize(File.ReadAllText(kedro.File("data", "08_reporting", "metrics_latest.json")), SpaceflightsJsonContext.Default.Metrics);
        var byPath = (await session.DataScience.RunAsync(parameters: session.Parameters.WithOverrides("model_options.test_size=0.3"))).Metrics;
        var byDefault = (await session.DataScience.RunAsync()).Metrics;

        Assert.Equal(0.3, session.Parameters.WithOverride("test_size", "0.3").ModelOptions.TestSize);
        Assert.Equal(0.2, session.Parameters.ModelOptions.TestSize); // the YAML's default
        Assert.Contains("test_size", SpaceflightsParameters.OverridablePaths);
        Assert.Equal(byPath, byKey);
        Assert.NotEqual(byDefault.R2Score, byKey!.R2Score);
        var error = Assert.Throws<ParameterException>(() => session.Parameters.WithOverride("test_size", "large"));
        Assert.Contains("model_options.test_size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_pipeline_loads_the_trained_pickle_dataset_regressor()
    {
        using var kedro = ProjectCopy.WithKedroConf();
        var session = Session(kedro);
        await session.Default.RunAsync();

        var price = session.Predict.Run(new ShuttleFeatures(
            Engines: 2, PassengerCapacity: 4, Crew: 3, DCheckComplete: true, MoonClearanceComplete: false, IataApproved: true,
            CompanyRating: 0.9, ReviewScoresRating: 95)).Price;

        Assert.True(double.IsFinite(price) && price > 0, $"predicted price {price}");
    }

    [Fact]
    public async Task An_environment_argument_with_no_equivalent_fails_the_run_naming_the_key_and_its_yaml_line()
    {
        using var kedro = ProjectCopy.WithKedroConf();
        kedro.Write("conf/prod/catalog.yml", """
            companies:
              type: pandas.CSVDataset
              filepath: data/01_raw/companies.csv
              load_args:
                usecols: [id, company_rating]
            """);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Session(kedro, "prod").DataProcessing.RunAsync().AsTask());

        var message = error.ToString();
        Assert.Contains("unsupported key 'load_args.usecols'", message, StringComparison.Ordinal);
        Assert.Contains(kedro.File("conf", "prod", "catalog.yml") + ":5", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Globals_and_credentials_files_are_read_as_kedro_writes_them()
    {
        using var kedro = ProjectCopy.WithKedroConf();

        var config = ProjectConfig.Load(kedro.Path, "local");

        Assert.Equal(kedro.File("data", "01_raw", "companies.csv"), config.GetDataset("companies").GetRequiredPath());
        Assert.Contains(kedro.File("conf", "local", "credentials.yml"), config.Files);
    }
}
