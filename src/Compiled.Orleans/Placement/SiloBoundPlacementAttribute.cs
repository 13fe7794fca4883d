using Orleans.Placement;

namespace Compiled.Orleans.Placement;

/// <summary>Marks a grain class whose key is the address of the silo it must live on (<see cref="SiloBoundPlacement"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class SiloBoundPlacementAttribute() : PlacementAttribute(SiloBoundPlacement.Instance);
