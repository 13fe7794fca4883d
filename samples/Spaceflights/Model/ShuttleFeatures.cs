namespace Spaceflights.Model;

/// <summary>One shuttle's features, as a caller (an API, a UI) supplies them to get a price prediction.</summary>
public sealed record ShuttleFeatures(
    double Engines,
    double PassengerCapacity,
    double Crew,
    bool DCheckComplete,
    bool MoonClearanceComplete,
    bool IataApproved,
    double CompanyRating,
    double ReviewScoresRating)
{
    /// <summary>The value of the model input table column <paramref name="feature"/> (snake_case, as in <c>model_options.features</c>).</summary>
    /// <exception cref="ArgumentException">The feature is not one a shuttle's features carry.</exception>
    public double Get(string feature) => feature switch
    {
        "engines" => Engines,
        "passenger_capacity" => PassengerCapacity,
        "crew" => Crew,
        "d_check_complete" => DCheckComplete ? 1 : 0,
        "moon_clearance_complete" => MoonClearanceComplete ? 1 : 0,
        "iata_approved" => IataApproved ? 1 : 0,
        "company_rating" => CompanyRating,
        "review_scores_rating" => ReviewScoresRating,
        _ => throw new ArgumentException($"The model uses feature '{feature}', which ShuttleFeatures does not carry.", nameof(feature)),
    };
}
