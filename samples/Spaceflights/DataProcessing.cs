using System.Globalization;
using Compiled;
using Spaceflights.Model;

namespace Spaceflights;

/// <summary>
/// The nodes of the <c>data_processing</c> pipeline: clean the raw companies and shuttles, then
/// merge them with the reviews into the model input table.
/// </summary>
public static class DataProcessing
{
    /// <summary>
    /// Preprocesses the companies: <c>iata_approved</c> becomes a boolean (<c>t</c> is
    /// <see langword="true"/>, anything else — including a missing value — <see langword="false"/>)
    /// and <c>company_rating</c> a fraction (<c>90%</c> becomes 0.9). Empty text becomes
    /// <see langword="null"/>, a missing value.
    /// </summary>
    /// <param name="companies">The raw companies.</param>
    /// <returns>One preprocessed company per raw row, in the same order.</returns>
    /// <exception cref="FormatException">A rating is not a percentage.</exception>
    [Node(Output = "preprocessed_companies")]
    public static Company[] PreprocessCompanies(CompanyRow[] companies)
    {
        var result = new Company[companies.Length];
        for (int i = 0; i < companies.Length; i++)
        {
            CompanyRow row = companies[i];
            result[i] = new Company
            {
                Id = row.Id,
                CompanyRating = ParsePercentage(row.CompanyRating),
                CompanyLocation = NullIfEmpty(row.CompanyLocation),
                TotalFleetCount = row.TotalFleetCount,
                IataApproved = IsTrue(row.IataApproved),
            };
        }

        return result;
    }

    /// <summary>
    /// Preprocesses the shuttles: <c>d_check_complete</c> and <c>moon_clearance_complete</c>
    /// become booleans (<c>t</c> is <see langword="true"/>, anything else <see langword="false"/>)
    /// and <c>price</c> a number (<c>$1,325.0</c> becomes 1325.0). Empty text becomes
    /// <see langword="null"/>, a missing value.
    /// </summary>
    /// <param name="shuttles">The raw shuttles.</param>
    /// <returns>One preprocessed shuttle per raw row, in the same order.</returns>
    /// <exception cref="FormatException">A price is not an amount of money.</exception>
    [Node(Output = "preprocessed_shuttles")]
    public static Shuttle[] PreprocessShuttles(ShuttleRow[] shuttles)
    {
        var result = new Shuttle[shuttles.Length];
        for (int i = 0; i < shuttles.Length; i++)
        {
            ShuttleRow row = shuttles[i];
            result[i] = new Shuttle
            {
                Id = row.Id,
                ShuttleLocation = NullIfEmpty(row.ShuttleLocation),
                ShuttleType = NullIfEmpty(row.ShuttleType),
                EngineType = NullIfEmpty(row.EngineType),
                EngineVendor = NullIfEmpty(row.EngineVendor),
                Engines = row.Engines,
                PassengerCapacity = row.PassengerCapacity,
                CancellationPolicy = NullIfEmpty(row.CancellationPolicy),
                Crew = row.Crew,
                DCheckComplete = IsTrue(row.DCheckComplete),
                MoonClearanceComplete = IsTrue(row.MoonClearanceComplete),
                Price = ParseMoney(row.Price),
                CompanyId = row.CompanyId,
            };
        }

        return result;
    }

    /// <summary>
    /// Builds the model input table like Kedro's <c>create_model_input_table</c>: the shuttles
    /// inner-joined with their reviews (<c>id = shuttle_id</c>), then inner-joined with their
    /// companies (<c>company_id = id</c>), keeping every column; then every row with a missing
    /// value in any column is dropped (pandas' <c>dropna()</c>). Rows keep the order of the
    /// shuttles; a key matching several rows yields one row per match.
    /// </summary>
    /// <param name="preprocessedShuttles">The preprocessed shuttles.</param>
    /// <param name="preprocessedCompanies">The preprocessed companies.</param>
    /// <param name="reviews">The raw reviews.</param>
    /// <returns>The complete rows of the merged table.</returns>
    [Node(Output = "model_input_table")]
    public static ModelInputRow[] CreateModelInputTable(
        Shuttle[] preprocessedShuttles, Company[] preprocessedCompanies, ReviewRow[] reviews)
    {
        ILookup<int, ReviewRow> reviewsByShuttle = reviews.ToLookup(r => r.ShuttleId);
        ILookup<int, Company> companiesById = preprocessedCompanies.ToLookup(c => c.Id);

        var table = new List<ModelInputRow>(preprocessedShuttles.Length);
        foreach (Shuttle shuttle in preprocessedShuttles)
        {
            foreach (ReviewRow review in reviewsByShuttle[shuttle.Id])
            {
                foreach (Company company in companiesById[shuttle.CompanyId])
                {
                    if (TryMerge(shuttle, review, company) is { } row)
                    {
                        table.Add(row);
                    }
                }
            }
        }

        return [.. table];
    }

    /// <summary>Merges one match of the two joins, or returns <see langword="null"/> if any column is missing.</summary>
    private static ModelInputRow? TryMerge(Shuttle s, ReviewRow r, Company c)
    {
        if (s is not
            {
                ShuttleLocation: { Length: > 0 } shuttleLocation,
                ShuttleType: { Length: > 0 } shuttleType,
                EngineType: { Length: > 0 } engineType,
                EngineVendor: { Length: > 0 } engineVendor,
                Engines: { } engines,
                PassengerCapacity: { } passengerCapacity,
                CancellationPolicy: { Length: > 0 } cancellationPolicy,
                Crew: { } crew,
                Price: { } price,
            }
            || r is not
            {
                ReviewScoresRating: { } rating,
                ReviewScoresComfort: { } comfort,
                ReviewScoresAmenities: { } amenities,
                ReviewScoresTrip: { } trip,
                ReviewScoresCrew: { } crewScore,
                ReviewScoresLocation: { } location,
                ReviewScoresPrice: { } priceScore,
                NumberOfReviews: { } numberOfReviews,
                ReviewsPerMonth: { } reviewsPerMonth,
            }
            || c is not
            {
                CompanyRating: { } companyRating,
                CompanyLocation: { Length: > 0 } companyLocation,
                TotalFleetCount: { } totalFleetCount,
            }
            || double.IsNaN(engines) || double.IsNaN(crew) || double.IsNaN(price)
            || double.IsNaN(rating) || double.IsNaN(comfort) || double.IsNaN(amenities)
            || double.IsNaN(trip) || double.IsNaN(crewScore) || double.IsNaN(location)
            || double.IsNaN(priceScore) || double.IsNaN(reviewsPerMonth)
            || double.IsNaN(companyRating) || double.IsNaN(totalFleetCount))
        {
            return null;
        }

        return new ModelInputRow
        {
            ShuttleLocation = shuttleLocation,
            ShuttleType = shuttleType,
            EngineType = engineType,
            EngineVendor = engineVendor,
            Engines = engines,
            PassengerCapacity = passengerCapacity,
            CancellationPolicy = cancellationPolicy,
            Crew = crew,
            DCheckComplete = s.DCheckComplete,
            MoonClearanceComplete = s.MoonClearanceComplete,
            Price = price,
            CompanyId = s.CompanyId,
            ShuttleId = r.ShuttleId,
            ReviewScoresRating = rating,
            ReviewScoresComfort = comfort,
            ReviewScoresAmenities = amenities,
            ReviewScoresTrip = trip,
            ReviewScoresCrew = crewScore,
            ReviewScoresLocation = location,
            ReviewScoresPrice = priceScore,
            NumberOfReviews = numberOfReviews,
            ReviewsPerMonth = reviewsPerMonth,
            Id = c.Id,
            CompanyRating = companyRating,
            CompanyLocation = companyLocation,
            TotalFleetCount = totalFleetCount,
            IataApproved = c.IataApproved,
        };
    }

    private static bool IsTrue(string? value) => value == "t";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary><c>90%</c> → 0.9; empty → <see langword="null"/>.</summary>
    private static double? ParsePercentage(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        ReadOnlySpan<char> number = value.AsSpan().Trim().TrimEnd('%');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double percent))
        {
            throw new FormatException($"'{value}' is not a percentage such as '90%'.");
        }

        return percent / 100;
    }

    /// <summary><c>$1,325.0</c> → 1325.0; empty → <see langword="null"/>.</summary>
    private static double? ParseMoney(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string number = value.Trim().Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double amount))
        {
            throw new FormatException($"'{value}' is not an amount of money such as '$1,325.0'.");
        }

        return amount;
    }
}
