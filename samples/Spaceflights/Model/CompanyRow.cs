namespace Spaceflights.Model;

/// <summary>A row of <c>data/01_raw/companies.csv</c>, as read: missing cells are <see langword="null"/>.</summary>
public sealed record CompanyRow
{
    /// <summary>The company's id (<c>id</c>).</summary>
    public int Id { get; set; }

    /// <summary>The company's rating as a percentage string such as <c>90%</c> (<c>company_rating</c>).</summary>
    public string? CompanyRating { get; set; }

    /// <summary>Where the company is based (<c>company_location</c>).</summary>
    public string? CompanyLocation { get; set; }

    /// <summary>How many shuttles the company runs (<c>total_fleet_count</c>).</summary>
    public double? TotalFleetCount { get; set; }

    /// <summary><c>t</c> when the company is IATA approved, <c>f</c> otherwise (<c>iata_approved</c>).</summary>
    public string? IataApproved { get; set; }
}
