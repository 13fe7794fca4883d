using Compiled.Generators.Tests.Infrastructure;

namespace Compiled.Generators.Tests.Projects;

/// <summary>
/// A small but realistic project in the shape of Kedro's spaceflights: raw CSV rows preprocessed
/// into a model input table, a split/train/evaluate pipeline, a reporting pipeline and a
/// prediction pipeline with a runtime input and a preloaded artifact. Between them its pipelines
/// use every node shape the generator supports: sync, tuple, void, Task, ValueTask&lt;T&gt;,
/// CancellationToken, [Param] records, dotted [Param] paths and unbound parameter mappings.
/// </summary>
internal static class MiniFlights
{
    public const string RootNamespace = "MiniFlights";

    public const string Model = """
        namespace MiniFlights.Model;

        public sealed class CompanyRow
        {
            public int Id { get; set; }
            public string? CompanyRating { get; set; }
            public string? IataApproved { get; set; }
        }

        public sealed class ShuttleRow
        {
            public int Id { get; set; }
            public int CompanyId { get; set; }
            public int Engines { get; set; }
            public string? Price { get; set; }
        }

        public sealed record Company(int Id, double Rating, bool IataApproved);

        public sealed record Shuttle(int Id, int CompanyId, int Engines, double Price);

        public sealed record ModelInputRow(int ShuttleId, int Engines, double CompanyRating, double Price);

        public sealed record ModelOptions(double TestSize, int RandomState, string[] Features);

        public sealed record Regressor(double Intercept, double[] Coefficients);

        public sealed record Metrics(double MeanAbsoluteError, int Rows);

        public sealed record ShuttleFeatures(int Engines, double CompanyRating);
        """;

    public const string DataProcessing = """
        using System.Globalization;
        using Compiled;
        using MiniFlights.Model;

        namespace MiniFlights;

        public static class DataProcessing
        {
            [Node(Output = "preprocessed_companies")]
            public static Company[] PreprocessCompanies(CompanyRow[] companies) =>
                companies.Select(c => new Company(
                    c.Id,
                    double.Parse(c.CompanyRating?.TrimEnd('%') ?? "0", CultureInfo.InvariantCulture) / 100,
                    c.IataApproved == "t")).ToArray();

            [Node(Output = "preprocessed_shuttles")]
            public static Shuttle[] PreprocessShuttles(ShuttleRow[] shuttles) =>
                shuttles.Select(s => new Shuttle(
                    s.Id,
                    s.CompanyId,
                    s.Engines,
                    double.Parse((s.Price ?? "0").Replace("$", "").Replace(",", ""), CultureInfo.InvariantCulture))).ToArray();

            [Node(Output = "model_input_table", Tags = ["primary"])]
            public static ModelInputRow[] CreateModelInputTable(Shuttle[] preprocessedShuttles, Company[] preprocessedCompanies)
            {
                var companies = preprocessedCompanies.ToDictionary(c => c.Id);
                return preprocessedShuttles
                    .Where(s => companies.ContainsKey(s.CompanyId))
                    .Select(s => new ModelInputRow(s.Id, s.Engines, companies[s.CompanyId].Rating, s.Price))
                    .ToArray();
            }
        }
        """;

    public const string DataScience = """
        using Compiled;
        using MiniFlights.Model;

        namespace MiniFlights;

        public static class DataScience
        {
            [Node(Outputs = ["X_train", "X_test", "y_train", "y_test"])]
            public static (double[][] XTrain, double[][] XTest, double[] YTrain, double[] YTest) SplitData(
                [Input("model_input_table")] ModelInputRow[] data,
                [Param("model_options")] ModelOptions options)
            {
                var shuffled = data.OrderBy(_ => new Random(options.RandomState).Next()).ToArray();
                var testCount = (int)Math.Ceiling(shuffled.Length * options.TestSize);
                double[] Features(ModelInputRow row) => [row.Engines, row.CompanyRating];
                return (
                    shuffled.Skip(testCount).Select(Features).ToArray(),
                    shuffled.Take(testCount).Select(Features).ToArray(),
                    shuffled.Skip(testCount).Select(r => r.Price).ToArray(),
                    shuffled.Take(testCount).Select(r => r.Price).ToArray());
            }

            [Node(Output = "regressor")]
            public static Regressor TrainModel(
                [Input("X_train")] double[][] x,
                [Input("y_train")] double[] y,
                [Param("model_options.features")] string[] features) =>
                new(y.Length == 0 ? 0 : y.Average(), new double[features.Length]);

            [Node(Output = "metrics")]
            public static async ValueTask<Metrics> EvaluateModel(
                Regressor regressor,
                [Input("X_test")] double[][] x,
                [Input("y_test")] double[] y,
                CancellationToken cancellationToken)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                var error = y.Length == 0 ? 0 : y.Average(price => Math.Abs(price - regressor.Intercept));
                return new Metrics(error, x.Length);
            }
        }
        """;

    public const string Reporting = """
        using Compiled;
        using MiniFlights.Model;

        namespace MiniFlights;

        public static class Reporting
        {
            [Node(Output = "report")]
            public static string RenderReport(Metrics metrics, [Param("report.title")] string title) =>
                $"# {title}\nMAE: {metrics.MeanAbsoluteError:F2} over {metrics.Rows} rows\n";

            [Node]
            public static void LogMetrics(Metrics metrics) => Console.WriteLine($"MAE {metrics.MeanAbsoluteError}");

            [Node(Name = "publish")]
            public static async Task PublishReport(string report, [Param("report.channel")] string channel, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                Console.WriteLine($"{channel}: {report}");
            }
        }
        """;

    public const string Inference = """
        using Compiled;
        using MiniFlights.Model;

        namespace MiniFlights;

        public static class Inference
        {
            [Node(Output = "prediction")]
            public static double Predict(Regressor regressor, ShuttleFeatures features) =>
                regressor.Intercept + regressor.Coefficients.ElementAtOrDefault(0) * features.Engines
                                    + regressor.Coefficients.ElementAtOrDefault(1) * features.CompanyRating;
        }
        """;

    public const string Pipelines = """
        using Compiled;

        namespace MiniFlights;

        [Pipeline(typeof(DataProcessing))]
        public sealed partial class DataProcessingPipeline;

        [Pipeline(typeof(DataScience))]
        public sealed partial class DataSciencePipeline;

        [Pipeline(typeof(Reporting))]
        public sealed partial class ReportingPipeline;

        [Pipeline(typeof(Inference), Inputs = ["features"], Artifacts = ["regressor"])]
        public sealed partial class PredictPipeline;
        """;

    public const string Program = """
        using MiniFlights.Model;

        namespace MiniFlights;

        // User code next to the pipelines, unrelated to them: edits here must not re-run the generator's steps.
        public static class Program
        {
            public static string Describe(Metrics metrics) => $"{metrics.Rows} rows";
        }
        """;

    public const string Catalog = """
        # Raw data
        companies:
          type: csv
          filepath: data/01_raw/companies.csv

        shuttles:
          type: csv
          filepath: data/01_raw/shuttles.csv

        # Intermediate and primary
        preprocessed_companies:
          type: csv
          filepath: data/02_intermediate/preprocessed_companies.csv

        preprocessed_shuttles:
          type: csv
          filepath: data/02_intermediate/preprocessed_shuttles.csv

        model_input_table:
          type: csv
          filepath: data/03_primary/model_input_table.csv

        # Models and reporting
        regressor:
          type: json
          filepath: data/06_models/regressor.json

        metrics:
          type: json
          filepath: data/08_reporting/metrics.json

        report:
          type: text
          filepath: data/08_reporting/report.md
        """;

    public const string Parameters = """
        report:
          title: Spaceflights "mini" report
          channel: '#flights'
        """;

    public const string DataScienceParameters = """
        model_options:
          test_size: 0.2
          random_state: 3
          features:
            - engines
            - company_rating
        """;

    public static TestProject Project { get; } = TestProject.Create(RootNamespace)
        .WithSource("Model.cs", Model)
        .WithSource("DataProcessing.cs", DataProcessing)
        .WithSource("DataScience.cs", DataScience)
        .WithSource("Reporting.cs", Reporting)
        .WithSource("Inference.cs", Inference)
        .WithSource("Pipelines.cs", Pipelines)
        .WithSource("Program.cs", Program)
        .WithConfig("conf/base/catalog.yml", Catalog)
        .WithConfig("conf/base/parameters.yml", Parameters)
        .WithConfig("conf/base/parameters_data_science.yml", DataScienceParameters);

    private static readonly Lazy<GeneratorRun> LazyRun = new(() => GeneratorHarness.Run(Project));

    /// <summary>One generator run of <see cref="Project"/>, shared by the tests that only read it.</summary>
    public static GeneratorRun Run => LazyRun.Value;
}
