namespace Spaceflights.Model;

/// <summary>A row of <c>data/01_raw/reviews.csv</c>: the review scores of one shuttle. Missing cells are <see langword="null"/>.</summary>
public sealed record ReviewRow
{
    /// <summary>The id of the reviewed shuttle (<c>shuttle_id</c>).</summary>
    public int ShuttleId { get; set; }

    /// <summary>The overall rating, 0–100 (<c>review_scores_rating</c>).</summary>
    public double? ReviewScoresRating { get; set; }

    /// <summary>The comfort score, 0–10 (<c>review_scores_comfort</c>).</summary>
    public double? ReviewScoresComfort { get; set; }

    /// <summary>The amenities score, 0–10 (<c>review_scores_amenities</c>).</summary>
    public double? ReviewScoresAmenities { get; set; }

    /// <summary>The trip score, 0–10 (<c>review_scores_trip</c>).</summary>
    public double? ReviewScoresTrip { get; set; }

    /// <summary>The crew score, 0–10 (<c>review_scores_crew</c>).</summary>
    public double? ReviewScoresCrew { get; set; }

    /// <summary>The location score, 0–10 (<c>review_scores_location</c>).</summary>
    public double? ReviewScoresLocation { get; set; }

    /// <summary>The price score, 0–10 (<c>review_scores_price</c>).</summary>
    public double? ReviewScoresPrice { get; set; }

    /// <summary>The number of reviews (<c>number_of_reviews</c>).</summary>
    public int? NumberOfReviews { get; set; }

    /// <summary>The average number of reviews per month (<c>reviews_per_month</c>).</summary>
    public double? ReviewsPerMonth { get; set; }
}
