using System;
using System.Linq;
using System.Threading.Tasks;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace RaySharp.Cluster.Placement;

/// <summary>Activates a node grain on the silo its key names, and nowhere else.</summary>
internal sealed class NodePlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        if (SiloAddress.TryParse(key, out var silo) && context.GetCompatibleSilos(target).Contains(silo))
        {
            return Task.FromResult(silo);
        }

        throw new InvalidOperationException(
            $"RaySharp node '{key}' is not an active silo of this cluster (or does not host RaySharp with AddRaySharpNode), so its node grain cannot run.");
    }
}
