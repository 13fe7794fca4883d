using Orleans.Runtime.Placement;

namespace Compiled.Orleans.Placement;

/// <summary>
/// Places a <see cref="SiloBoundPlacement"/> grain on the silo its key names. When that silo is no longer in the cluster
/// (the client had not heard yet), the grain is placed on the silo asked: it still runs, and its replies name where they ran.
/// </summary>
internal sealed class SiloBoundPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        foreach (var silo in context.GetCompatibleSilos(target))
        {
            if (string.Equals(silo.ToParsableString(), key, StringComparison.Ordinal)) return Task.FromResult(silo);
        }

        return Task.FromResult(context.LocalSilo);
    }
}
