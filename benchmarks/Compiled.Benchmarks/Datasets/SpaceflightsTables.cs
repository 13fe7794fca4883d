using System.Globalization;
using System.Text;
using Compiled.Benchmarks.Infrastructure;
using CsvHelper;
using CsvHelper.Configuration;

namespace Compiled.Benchmarks.Datasets;

// The raw spaceflights tables (samples/Spaceflights/data/01_raw) as the sample declares them: classes
// with settable properties, which both CsvHelper and Parquet.Net's serializer bind.

public sealed class CompanyTableRow
{
    public int Id { get; set; }
    public string? CompanyRating { get; set; }
    public string? CompanyLocation { get; set; }
    public double? TotalFleetCount { get; set; }
    public string? IataApproved { get; set; }
}

public sealed class ReviewTableRow
{
    public int ShuttleId { get; set; }
    public double? ReviewScoresRating { get; set; }
    public double? ReviewScoresComfort { get; set; }
    public double? ReviewScoresAmenities { get; set; }
    public double? ReviewScoresTrip { get; set; }
    public double? ReviewScoresCrew { get; set; }
    public double? ReviewScoresLocation { get; set; }
    public double? ReviewScoresPrice { get; set; }
    public int? NumberOfReviews { get; set; }
    public double? ReviewsPerMonth { get; set; }
}

public sealed class ShuttleTableRow
{
    public int Id { get; set; }
    public string? ShuttleLocation { get; set; }
    public string? ShuttleType { get; set; }
    public string? EngineType { get; set; }
    public string? EngineVendor { get; set; }
    public double? Engines { get; set; }
    public int? PassengerCapacity { get; set; }
    public string? CancellationPolicy { get; set; }
    public double? Crew { get; set; }
    public string? DCheckComplete { get; set; }
    public string? MoonClearanceComplete { get; set; }
    public string? Price { get; set; }
    public int CompanyId { get; set; }
}

/// <summary>Where the tables are, and the CsvHelper settings a hand-written reader of them uses.</summary>
public static class SpaceflightsTables
{
    /// <summary>The CSV file of a row type: samples/Spaceflights/data/01_raw/&lt;table&gt;.csv, found from the repository root.</summary>
    public static string CsvPath<TRow>() => Path.Combine(RepositoryRoot(), "samples", "Spaceflights", "data", "01_raw", TableName<TRow>() + ".csv");

    public static string TableName<TRow>() =>
        typeof(TRow) == typeof(CompanyTableRow) ? "companies"
        : typeof(TRow) == typeof(ReviewTableRow) ? "reviews"
        : typeof(TRow) == typeof(ShuttleTableRow) ? "shuttles"
        : throw new ArgumentOutOfRangeException(nameof(TRow), typeof(TRow).Name);

    /// <summary>
    /// What CsvDataset configures for loading: invariant culture, comma, header, columns matched to
    /// properties ignoring case, '_' and spaces (so company_rating fills CompanyRating).
    /// </summary>
    public static CsvConfiguration ReadConfiguration() => new(CultureInfo.InvariantCulture)
    {
        Delimiter = ",",
        HasHeaderRecord = true,
        DetectDelimiter = false,
        PrepareHeaderForMatch = static args => Normalize(args.Header),
    };

    /// <summary>What CsvDataset configures for saving: the same, with '\n' line endings.</summary>
    public static CsvConfiguration WriteConfiguration() => ReadConfiguration() with { NewLine = "\n" };

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static string Normalize(string header)
    {
        var builder = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (c is '_' or ' ') continue;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>Reads a table with CsvHelper directly (used to get the rows the save benchmarks write).</summary>
    public static TRow[] ReadCsv<TRow>(string path)
    {
        using var reader = new StreamReader(path, Utf8);
        using var csv = new CsvReader(reader, ReadConfiguration());
        return csv.GetRecords<TRow>().ToArray();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(ProjectDirectory.Path); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Compiled.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"Cannot find the repository root (Compiled.sln) above '{ProjectDirectory.Path}'.");
    }
}
