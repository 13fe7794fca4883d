namespace Spaceflights.Model;

/// <summary>
/// A row of the model input table (<c>model_input_table</c>): a shuttle, its reviews and its
/// company, merged like Kedro's <c>create_model_input_table</c> does — every column of the three
/// tables, except the shuttle's own <c>id</c> (the same value as <see cref="ShuttleId"/>).
/// Rows with a missing value in any column are dropped, so no column is nullable.
/// </summary>
public sealed record ModelInputRow
{
    // ---- from preprocessed_shuttles

    /// <summary>Where the shuttle is based (<c>shuttle_location</c>).</summary>
    public string ShuttleLocation { get; set; } = "";

    /// <summary>The shuttle's model (<c>shuttle_type</c>).</summary>
    public string ShuttleType { get; set; } = "";

    /// <summary>The engine technology (<c>engine_type</c>).</summary>
    public string EngineType { get; set; } = "";

    /// <summary>Who built the engines (<c>engine_vendor</c>).</summary>
    public string EngineVendor { get; set; } = "";

    /// <summary>The number of engines (<c>engines</c>).</summary>
    public double Engines { get; set; }

    /// <summary>The number of passengers the shuttle carries (<c>passenger_capacity</c>).</summary>
    public int PassengerCapacity { get; set; }

    /// <summary>The cancellation policy (<c>cancellation_policy</c>).</summary>
    public string CancellationPolicy { get; set; } = "";

    /// <summary>The number of crew members (<c>crew</c>).</summary>
    public double Crew { get; set; }

    /// <summary>Whether the D check is complete (<c>d_check_complete</c>).</summary>
    public bool DCheckComplete { get; set; }

    /// <summary>Whether the moon clearance is complete (<c>moon_clearance_complete</c>).</summary>
    public bool MoonClearanceComplete { get; set; }

    /// <summary>The hire price, the model's target (<c>price</c>).</summary>
    public double Price { get; set; }

    /// <summary>The id of the company that runs the shuttle (<c>company_id</c>).</summary>
    public int CompanyId { get; set; }

    // ---- from reviews

    /// <summary>The shuttle's id (<c>shuttle_id</c>).</summary>
    public int ShuttleId { get; set; }

    /// <summary>The overall rating, 0–100 (<c>review_scores_rating</c>).</summary>
    public double ReviewScoresRating { get; set; }

    /// <summary>The comfort score, 0–10 (<c>review_scores_comfort</c>).</summary>
    public double ReviewScoresComfort { get; set; }

    /// <summary>The amenities score, 0–10 (<c>review_scores_amenities</c>).</summary>
    public double ReviewScoresAmenities { get; set; }

    /// <summary>The trip score, 0–10 (<c>review_scores_trip</c>).</summary>
    public double ReviewScoresTrip { get; set; }

    /// <summary>The crew score, 0–10 (<c>review_scores_crew</c>).</summary>
    public double ReviewScoresCrew { get; set; }

    /// <summary>The location score, 0–10 (<c>review_scores_location</c>).</summary>
    public double ReviewScoresLocation { get; set; }

    /// <summary>The price score, 0–10 (<c>review_scores_price</c>).</summary>
    public double ReviewScoresPrice { get; set; }

    /// <summary>The number of reviews (<c>number_of_reviews</c>).</summary>
    public int NumberOfReviews { get; set; }

    /// <summary>The average number of reviews per month (<c>reviews_per_month</c>).</summary>
    public double ReviewsPerMonth { get; set; }

    // ---- from preprocessed_companies

    /// <summary>The company's id (<c>id</c>); equal to <see cref="CompanyId"/>.</summary>
    public int Id { get; set; }

    /// <summary>The company's rating as a fraction (<c>company_rating</c>).</summary>
    public double CompanyRating { get; set; }

    /// <summary>Where the company is based (<c>company_location</c>).</summary>
    public string CompanyLocation { get; set; } = "";

    /// <summary>How many shuttles the company runs (<c>total_fleet_count</c>).</summary>
    public double TotalFleetCount { get; set; }

    /// <summary>Whether the company is IATA approved (<c>iata_approved</c>).</summary>
    public bool IataApproved { get; set; }
}
