using Compiled.Generators.Tests.Infrastructure;

namespace Compiled.Generators.Tests.Projects;

/// <summary>
/// A project built to be run: each pipeline exercises one behaviour of generated <c>Run</c> methods
/// on real files — a csv → csv → json chain, a tuple node fed by a runtime input with [Param]
/// record and dotted bindings, and a node that throws.
/// </summary>
internal static class Launchpad
{
    public const string RootNamespace = "Launchpad";

    public const string Sources = """
        using System.Globalization;
        using Compiled;

        namespace Launchpad;

        public sealed class CompanyRow
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            public string Rating { get; set; } = "";
        }

        public sealed class Company
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            public double Rating { get; set; }
        }

        public sealed record Summary(int Count, double AverageRating, string Best);

        public sealed record ModelOptions(double TestSize, int RandomState, string[] Features);

        /// <summary>csv → clean (saved as csv) → keep rated (in memory) → summary (saved as json).</summary>
        public static class Chain
        {
            [Node(Output = "clean_companies")]
            public static Company[] Clean(CompanyRow[] companies) =>
                companies.Select(c => new Company
                {
                    Id = c.Id,
                    Name = c.Name.Trim(),
                    Rating = double.Parse(c.Rating.TrimEnd('%'), CultureInfo.InvariantCulture) / 100,
                }).ToArray();

            [Node(Output = "rated_companies")]
            public static Company[] KeepRated(Company[] cleanCompanies, [Param("min_rating")] double minRating) =>
                cleanCompanies.Where(c => c.Rating >= minRating).ToArray();

            [Node(Output = "summary")]
            public static Summary Summarize(Company[] ratedCompanies) =>
                new(ratedCompanies.Length,
                    ratedCompanies.Length == 0 ? 0 : Math.Round(ratedCompanies.Average(c => c.Rating), 4),
                    ratedCompanies.OrderByDescending(c => c.Rating).Select(c => c.Name).FirstOrDefault() ?? "");
        }

        /// <summary>A tuple node over a runtime input, with a [Param] record and dotted [Param] scalars.</summary>
        public static class Scoring
        {
            [Node(Outputs = ["train", "test"])]
            public static (double[] Train, double[] Test) SplitData(double[] measurements, [Param("model_options")] ModelOptions options)
            {
                var testCount = (int)Math.Ceiling(measurements.Length * options.TestSize);
                return (measurements[testCount..], measurements[..testCount]);
            }

            [Node(Output = "report")]
            public static string Describe(
                double[] train,
                [Param("model_options.test_size")] double testSize,
                [Param("model_options.features")] string[] features,
                [Param("model_options.random_state")] int randomState) =>
                string.Create(CultureInfo.InvariantCulture,
                    $"train={train.Length} sum={train.Sum()} test_size={testSize} features={string.Join("+", features)} seed={randomState}");
        }

        /// <summary>prepare → explode (throws) → never_runs.</summary>
        public static class Failing
        {
            [Node(Output = "prepared")]
            public static int Prepare(int seed) => seed + 1;

            [Node(Output = "exploded")]
            public static int Explode(int prepared) => throw new InvalidOperationException($"boom: the engine exploded at {prepared}");

            [Node(Output = "never")]
            public static int NeverRuns(int exploded) => exploded;
        }

        [Pipeline(typeof(Chain))]
        public sealed partial class ChainPipeline;

        [Pipeline(typeof(Scoring), Inputs = ["measurements"])]
        public sealed partial class ScoringPipeline;

        [Pipeline(typeof(Failing), Inputs = ["seed"])]
        public sealed partial class FailingPipeline;

        /// <summary>What a user writes to change parameters for one run.</summary>
        public static class Overrides
        {
            public static LaunchpadParameters WithTestSize(LaunchpadParameters parameters, double testSize) =>
                parameters with { ModelOptions = parameters.ModelOptions with { TestSize = testSize } };

            public static LaunchpadParameters WithMinRating(LaunchpadParameters parameters, double minRating) =>
                parameters with { MinRating = minRating };
        }
        """;

    public const string Catalog = """
        companies:
          type: csv
          filepath: data/01_raw/companies.csv

        clean_companies:
          type: csv
          filepath: data/02_intermediate/clean_companies.csv

        summary:
          type: json
          filepath: data/08_reporting/summary.json
        """;

    public const string Parameters = """
        min_rating: 0.5
        model_options:
          test_size: 0.25
          random_state: 7
          features: [engines, crew]
        """;

    public const string CompaniesCsv = """
        id,name,rating
        1, Acme Rockets ,90%
        2,Orbital Ltd,40%
        3,Lunar Lines,70%

        """;

    public static TestProject Project { get; } = TestProject.Create(RootNamespace)
        .WithSource("Launchpad.cs", Sources)
        .WithConfig("conf/base/catalog.yml", Catalog)
        .WithConfig("conf/base/parameters.yml", Parameters);

    private static readonly Lazy<GeneratorRun> LazyRun = new(() => GeneratorHarness.Run(Project).AssertCompiles());

    public static GeneratorRun Run => LazyRun.Value;
}
