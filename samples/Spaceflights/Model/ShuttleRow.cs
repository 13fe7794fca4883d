namespace Spaceflights.Model;

/// <summary>A row of <c>data/01_raw/shuttles.csv</c>, as read: missing cells are <see langword="null"/>.</summary>
public sealed record ShuttleRow
{
    /// <summary>The shuttle's id (<c>id</c>).</summary>
    public int Id { get; set; }

    /// <summary>Where the shuttle is based (<c>shuttle_location</c>).</summary>
    public string? ShuttleLocation { get; set; }

    /// <summary>The shuttle's model, such as <c>Type V5</c> (<c>shuttle_type</c>).</summary>
    public string? ShuttleType { get; set; }

    /// <summary>The engine technology, such as <c>Plasma</c> (<c>engine_type</c>).</summary>
    public string? EngineType { get; set; }

    /// <summary>Who built the engines (<c>engine_vendor</c>).</summary>
    public string? EngineVendor { get; set; }

    /// <summary>The number of engines (<c>engines</c>).</summary>
    public double? Engines { get; set; }

    /// <summary>The number of passengers the shuttle carries (<c>passenger_capacity</c>).</summary>
    public int? PassengerCapacity { get; set; }

    /// <summary>The cancellation policy: <c>flexible</c>, <c>moderate</c> or <c>strict</c> (<c>cancellation_policy</c>).</summary>
    public string? CancellationPolicy { get; set; }

    /// <summary>The number of crew members (<c>crew</c>).</summary>
    public double? Crew { get; set; }

    /// <summary><c>t</c> when the D check is complete, <c>f</c> otherwise (<c>d_check_complete</c>).</summary>
    public string? DCheckComplete { get; set; }

    /// <summary><c>t</c> when the moon clearance is complete, <c>f</c> otherwise (<c>moon_clearance_complete</c>).</summary>
    public string? MoonClearanceComplete { get; set; }

    /// <summary>The hire price as a money string such as <c>$1,325.0</c> (<c>price</c>).</summary>
    public string? Price { get; set; }

    /// <summary>The id of the company that runs the shuttle (<c>company_id</c>).</summary>
    public int CompanyId { get; set; }
}
