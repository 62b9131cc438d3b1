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

        if (silo is not null)
        {
            // A node that died or left: callers treat it as such (their messages wait for membership's verdict).
            throw new SiloUnavailableException($"RaySharp node '{key}' is not an active silo of this cluster (it died or left), so its node grain cannot run.");
        }

        throw new InvalidOperationException($"'{key}' is not a silo address, so no RaySharp node grain can run for it.");
    }
}
