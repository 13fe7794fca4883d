namespace Spaceflights.Model;

/// <summary>
/// A preprocessed company (<c>preprocessed_companies</c>): the rating is a fraction and the IATA
/// approval a boolean. Missing values stay <see langword="null"/>; they are dropped later, when
/// the model input table is built.
/// </summary>
public sealed record Company
{
    /// <summary>The company's id (<c>id</c>).</summary>
    public int Id { get; set; }

    /// <summary>The company's rating as a fraction: <c>90%</c> becomes 0.9 (<c>company_rating</c>).</summary>
    public double? CompanyRating { get; set; }

    /// <summary>Where the company is based (<c>company_location</c>).</summary>
    public string? CompanyLocation { get; set; }

    /// <summary>How many shuttles the company runs (<c>total_fleet_count</c>).</summary>
    public double? TotalFleetCount { get; set; }

    /// <summary>Whether the company is IATA approved; a missing value counts as not approved (<c>iata_approved</c>).</summary>
    public bool IataApproved { get; set; }
}
