using System.Globalization;
using System.Text;
using Compiled.Benchmarks.Infrastructure;
using CsvHelper;

namespace Compiled.Benchmarks.Datasets;

// The raw spaceflights tables (samples/Spaceflights/data/01_raw) as the sample declares them: classes
// with settable properties, which CsvDataset and Parquet.Net's serializer bind. Each also has the
// hand-written CsvHelper code that reads and writes it directly (the baseline of the CSV benchmarks):
// the columns found by name in the header, each field parsed or formatted with its type.

/// <summary>A table read and written with CsvHelper directly, by hand-written code.</summary>
public interface ICsvTable<TRow>
{
    /// <summary>Reads every row; the reader is before the header.</summary>
    static abstract TRow[] ReadAll(CsvReader csv);

    /// <summary>Writes the header and every row, with CsvDataset's snake_case column names.</summary>
    static abstract void WriteAll(CsvWriter csv, TRow[] rows);
}

public sealed class CompanyTableRow : ICsvTable<CompanyTableRow>
{
    public int Id { get; set; }
    public string? CompanyRating { get; set; }
    public string? CompanyLocation { get; set; }
    public double? TotalFleetCount { get; set; }
    public string? IataApproved { get; set; }

    public static CompanyTableRow[] ReadAll(CsvReader csv)
    {
        var inv = SpaceflightsTables.Invariant;
        var c = SpaceflightsTables.Columns(csv, "id", "company_rating", "company_location", "total_fleet_count", "iata_approved");
        var rows = new List<CompanyTableRow>();
        while (csv.Read())
        {
            rows.Add(new CompanyTableRow
            {
                Id = csv.Parse<int>(c[0], inv),
                CompanyRating = SpaceflightsTables.StringOrNull(csv, c[1]),
                CompanyLocation = SpaceflightsTables.StringOrNull(csv, c[2]),
                TotalFleetCount = csv.IsEmpty(c[3]) ? null : csv.Parse<double>(c[3], inv),
                IataApproved = SpaceflightsTables.StringOrNull(csv, c[4]),
            });
        }
        return [.. rows];
    }

    public static void WriteAll(CsvWriter csv, CompanyTableRow[] rows)
    {
        csv.WriteHeader(["id", "company_rating", "company_location", "total_fleet_count", "iata_approved"]);
        foreach (var row in rows)
        {
            csv.WriteField(row.Id, default);
            csv.WriteField(row.CompanyRating);
            csv.WriteField(row.CompanyLocation);
            csv.WriteField(row.TotalFleetCount, default);
            csv.WriteField(row.IataApproved);
            csv.EndRecord();
        }
    }
}

public sealed class ReviewTableRow : ICsvTable<ReviewTableRow>
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

    public static ReviewTableRow[] ReadAll(CsvReader csv)
    {
        var inv = SpaceflightsTables.Invariant;
        var c = SpaceflightsTables.Columns(csv, "shuttle_id", "review_scores_rating", "review_scores_comfort", "review_scores_amenities",
            "review_scores_trip", "review_scores_crew", "review_scores_location", "review_scores_price", "number_of_reviews", "reviews_per_month");
        var rows = new List<ReviewTableRow>();
        while (csv.Read())
        {
            rows.Add(new ReviewTableRow
            {
                ShuttleId = csv.Parse<int>(c[0], inv),
                ReviewScoresRating = csv.IsEmpty(c[1]) ? null : csv.Parse<double>(c[1], inv),
                ReviewScoresComfort = csv.IsEmpty(c[2]) ? null : csv.Parse<double>(c[2], inv),
                ReviewScoresAmenities = csv.IsEmpty(c[3]) ? null : csv.Parse<double>(c[3], inv),
                ReviewScoresTrip = csv.IsEmpty(c[4]) ? null : csv.Parse<double>(c[4], inv),
                ReviewScoresCrew = csv.IsEmpty(c[5]) ? null : csv.Parse<double>(c[5], inv),
                ReviewScoresLocation = csv.IsEmpty(c[6]) ? null : csv.Parse<double>(c[6], inv),
                ReviewScoresPrice = csv.IsEmpty(c[7]) ? null : csv.Parse<double>(c[7], inv),
                NumberOfReviews = csv.IsEmpty(c[8]) ? null : csv.Parse<int>(c[8], inv),
                ReviewsPerMonth = csv.IsEmpty(c[9]) ? null : csv.Parse<double>(c[9], inv),
            });
        }
        return [.. rows];
    }

    public static void WriteAll(CsvWriter csv, ReviewTableRow[] rows)
    {
        csv.WriteHeader(["shuttle_id", "review_scores_rating", "review_scores_comfort", "review_scores_amenities", "review_scores_trip",
            "review_scores_crew", "review_scores_location", "review_scores_price", "number_of_reviews", "reviews_per_month"]);
        foreach (var row in rows)
        {
            csv.WriteField(row.ShuttleId, default);
            csv.WriteField(row.ReviewScoresRating, default);
            csv.WriteField(row.ReviewScoresComfort, default);
            csv.WriteField(row.ReviewScoresAmenities, default);
            csv.WriteField(row.ReviewScoresTrip, default);
            csv.WriteField(row.ReviewScoresCrew, default);
            csv.WriteField(row.ReviewScoresLocation, default);
            csv.WriteField(row.ReviewScoresPrice, default);
            csv.WriteField(row.NumberOfReviews, default);
            csv.WriteField(row.ReviewsPerMonth, default);
            csv.EndRecord();
        }
    }
}

public sealed class ShuttleTableRow : ICsvTable<ShuttleTableRow>
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

    public static ShuttleTableRow[] ReadAll(CsvReader csv)
    {
        var inv = SpaceflightsTables.Invariant;
        var c = SpaceflightsTables.Columns(csv, "id", "shuttle_location", "shuttle_type", "engine_type", "engine_vendor", "engines",
            "passenger_capacity", "cancellation_policy", "crew", "d_check_complete", "moon_clearance_complete", "price", "company_id");
        var rows = new List<ShuttleTableRow>();
        while (csv.Read())
        {
            rows.Add(new ShuttleTableRow
            {
                Id = csv.Parse<int>(c[0], inv),
                ShuttleLocation = SpaceflightsTables.StringOrNull(csv, c[1]),
                ShuttleType = SpaceflightsTables.StringOrNull(csv, c[2]),
                EngineType = SpaceflightsTables.StringOrNull(csv, c[3]),
                EngineVendor = SpaceflightsTables.StringOrNull(csv, c[4]),
                Engines = csv.IsEmpty(c[5]) ? null : csv.Parse<double>(c[5], inv),
                PassengerCapacity = csv.IsEmpty(c[6]) ? null : csv.Parse<int>(c[6], inv),
                CancellationPolicy = SpaceflightsTables.StringOrNull(csv, c[7]),
                Crew = csv.IsEmpty(c[8]) ? null : csv.Parse<double>(c[8], inv),
                DCheckComplete = SpaceflightsTables.StringOrNull(csv, c[9]),
                MoonClearanceComplete = SpaceflightsTables.StringOrNull(csv, c[10]),
                Price = SpaceflightsTables.StringOrNull(csv, c[11]),
                CompanyId = csv.Parse<int>(c[12], inv),
            });
        }
        return [.. rows];
    }

    public static void WriteAll(CsvWriter csv, ShuttleTableRow[] rows)
    {
        csv.WriteHeader(["id", "shuttle_location", "shuttle_type", "engine_type", "engine_vendor", "engines", "passenger_capacity",
            "cancellation_policy", "crew", "d_check_complete", "moon_clearance_complete", "price", "company_id"]);
        foreach (var row in rows)
        {
            csv.WriteField(row.Id, default);
            csv.WriteField(row.ShuttleLocation);
            csv.WriteField(row.ShuttleType);
            csv.WriteField(row.EngineType);
            csv.WriteField(row.EngineVendor);
            csv.WriteField(row.Engines, default);
            csv.WriteField(row.PassengerCapacity, default);
            csv.WriteField(row.CancellationPolicy);
            csv.WriteField(row.Crew, default);
            csv.WriteField(row.DCheckComplete);
            csv.WriteField(row.MoonClearanceComplete);
            csv.WriteField(row.Price);
            csv.WriteField(row.CompanyId, default);
            csv.EndRecord();
        }
    }
}

/// <summary>Where the tables are, and the CsvHelper settings the hand-written readers and writers of them use.</summary>
public static class SpaceflightsTables
{
    /// <summary>The CSV file of a row type: samples/Spaceflights/data/01_raw/&lt;table&gt;.csv, found from the repository root.</summary>
    public static string CsvPath<TRow>() => Path.Combine(RepositoryRoot(), "samples", "Spaceflights", "data", "01_raw", TableName<TRow>() + ".csv");

    public static string TableName<TRow>() =>
        typeof(TRow) == typeof(CompanyTableRow) ? "companies"
        : typeof(TRow) == typeof(ReviewTableRow) ? "reviews"
        : typeof(TRow) == typeof(ShuttleTableRow) ? "shuttles"
        : throw new ArgumentOutOfRangeException(nameof(TRow), typeof(TRow).Name);

    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// What CsvDataset configures for loading: comma, header, invariant culture, strict quoting, UTF-8
    /// (a byte order mark honoured), its 64 KiB buffer.
    /// </summary>
    public static CsvReaderOptions ReadOptions() => new()
    {
        Separator = ',',
        HasHeader = true,
        DetectSeparatorHint = false,
        AllowLineBreaksInQuotes = true,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FormatProvider = Invariant,
        BufferSize = BufferSize,
    };

    /// <summary>What CsvDataset configures for saving: comma, '\n' line endings, quotes also around leading or trailing whitespace, UTF-8 without a byte order mark.</summary>
    public static CsvWriterOptions WriteOptions() => new()
    {
        Separator = ',',
        HasHeader = true,
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        Injection = CsvInjection.None,
        FormatProvider = Invariant,
        NullValue = "",
        WriteByteOrderMark = false,
        BufferSize = BufferSize,
    };

    private const int BufferSize = 64 * 1024;

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

    /// <summary>Reads the header and finds each column by name, ignoring case, '_' and spaces (as CsvDataset matches them).</summary>
    public static int[] Columns(CsvReader csv, params string[] names)
    {
        csv.ReadHeader();
        var headers = csv.Headers.Select(Normalize).ToList();
        return names.Select(name => headers.IndexOf(Normalize(name)) is var index and >= 0
            ? index
            : throw new InvalidOperationException($"No column '{name}' in the header.")).ToArray();
    }

    /// <summary>An empty field as null, as CsvDataset loads it into a string? property.</summary>
    public static string? StringOrNull(CsvReader csv, int column) => csv.IsEmpty(column) ? null : csv.GetString(column);

    /// <summary>Reads a table with CsvHelper directly (used to get the rows the save benchmarks write).</summary>
    public static TRow[] ReadCsv<TRow>(string path) where TRow : ICsvTable<TRow>
    {
        using var csv = CsvReader.Create(File.OpenRead(path), ReadOptions(), leaveOpen: false);
        return TRow.ReadAll(csv);
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
