using System.Globalization;
using System.Text.Json;

namespace Compiled.Hosting.Tests;

/// <summary>
/// A Spaceflights project directory for one API: the sample's own <c>conf/</c>, copied, and a regressor saved
/// where the catalog's versioned <c>regressor</c> entry reads it. Deleted on dispose.
/// </summary>
internal sealed class SampleProject : IDisposable
{
    /// <summary>The model's features, in the order of <see cref="Coefficients"/>.</summary>
    public static readonly string[] Features =
    [
        "engines", "passenger_capacity", "crew", "d_check_complete", "moon_clearance_complete", "iata_approved", "company_rating", "review_scores_rating",
    ];

    public const double Intercept = 1000;

    public static readonly double[] Coefficients = [250, 40, 60, 100, -50, 300, 800, 5];

    private SampleProject(string path) => Path = path;

    public string Path { get; }

    /// <summary>A project whose regressor has <paramref name="coefficients"/> (one per feature for a working model).</summary>
    public static SampleProject Create(double[]? coefficients = null, bool withRegressor = true)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "compiled-hosting-tests", Guid.NewGuid().ToString("N"));
        CopyDirectory(System.IO.Path.Combine(RepositoryRoot(), "samples", "Spaceflights", "conf"), System.IO.Path.Combine(path, "conf"));
        if (withRegressor)
        {
            var version = System.IO.Path.Combine(path, "data", "06_models", "regressor.json", "2026-01-01T00.00.00.000Z");
            Directory.CreateDirectory(version);
            File.WriteAllText(System.IO.Path.Combine(version, "regressor.json"), JsonSerializer.Serialize(new
            {
                features = Features,
                intercept = Intercept,
                coefficients = coefficients ?? Coefficients,
            }));
        }

        return new SampleProject(path);
    }

    /// <summary>What the model predicts for these features (in the order of <see cref="Features"/>).</summary>
    public static double Price(params double[] features) => Intercept + features.Select((x, i) => Coefficients[i] * x).Sum();

    /// <summary>The body of a request for one shuttle.</summary>
    public static string Body(double engines, double passengerCapacity = 4, double crew = 2, bool dCheck = true, bool moonClearance = false,
        bool iata = true, double companyRating = 0.9, double reviewScore = 90) =>
        "{\"features\": {" + string.Join(", ",
            Number("engines", engines), Number("passenger_capacity", passengerCapacity), Number("crew", crew),
            Flag("d_check_complete", dCheck), Flag("moon_clearance_complete", moonClearance), Flag("iata_approved", iata),
            Number("company_rating", companyRating), Number("review_scores_rating", reviewScore)) + "}}";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary directory.
        }
    }

    private static string Number(string name, double value) => $"\"{name}\": {value.ToString(CultureInfo.InvariantCulture)}";

    private static string Flag(string name, bool value) => $"\"{name}\": {(value ? "true" : "false")}";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Compiled.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No Compiled.sln above {AppContext.BaseDirectory}.");
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
