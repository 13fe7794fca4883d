namespace Spaceflights.Model;

/// <summary>
/// A preprocessed shuttle (<c>preprocessed_shuttles</c>): the check flags are booleans and the
/// price a number. Missing values stay <see langword="null"/>; they are dropped later, when the
/// model input table is built.
/// </summary>
public sealed record Shuttle
{
    /// <summary>The shuttle's id (<c>id</c>).</summary>
    public int Id { get; set; }

    /// <summary>Where the shuttle is based (<c>shuttle_location</c>).</summary>
    public string? ShuttleLocation { get; set; }

    /// <summary>The shuttle's model (<c>shuttle_type</c>).</summary>
    public string? ShuttleType { get; set; }

    /// <summary>The engine technology (<c>engine_type</c>).</summary>
    public string? EngineType { get; set; }

    /// <summary>Who built the engines (<c>engine_vendor</c>).</summary>
    public string? EngineVendor { get; set; }

    /// <summary>The number of engines (<c>engines</c>).</summary>
    public double? Engines { get; set; }

    /// <summary>The number of passengers the shuttle carries (<c>passenger_capacity</c>).</summary>
    public int? PassengerCapacity { get; set; }

    /// <summary>The cancellation policy (<c>cancellation_policy</c>).</summary>
    public string? CancellationPolicy { get; set; }

    /// <summary>The number of crew members (<c>crew</c>).</summary>
    public double? Crew { get; set; }

    /// <summary>Whether the D check is complete; a missing value counts as not complete (<c>d_check_complete</c>).</summary>
    public bool DCheckComplete { get; set; }

    /// <summary>Whether the moon clearance is complete; a missing value counts as not complete (<c>moon_clearance_complete</c>).</summary>
    public bool MoonClearanceComplete { get; set; }

    /// <summary>The hire price: <c>$1,325.0</c> becomes 1325.0 (<c>price</c>).</summary>
    public double? Price { get; set; }

    /// <summary>The id of the company that runs the shuttle (<c>company_id</c>).</summary>
    public int CompanyId { get; set; }
}
