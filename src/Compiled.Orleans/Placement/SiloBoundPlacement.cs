namespace Compiled.Orleans.Placement;

/// <summary>Places a grain on the silo whose address (<see cref="SiloAddress.ToParsableString"/>) is its key.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
internal sealed class SiloBoundPlacement : PlacementStrategy
{
    public static SiloBoundPlacement Instance { get; } = new();
}
