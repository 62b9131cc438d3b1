using System;
using Orleans.Placement;

namespace RaySharp.Cluster.Placement;

/// <summary>Marks a grain class keyed by a silo address as placed on that silo (<see cref="NodePlacement"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class NodePlacementAttribute : PlacementAttribute
{
    public NodePlacementAttribute()
        : base(NodePlacement.Instance)
    {
    }
}
