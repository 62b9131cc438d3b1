using System;
using Orleans;
using Orleans.Runtime;

namespace RaySharp.Cluster.Placement;

/// <summary>
/// Places a grain keyed by a silo address (<see cref="SiloAddress.ToParsableString"/>) on that silo: each node's
/// <see cref="Transport.NodeGrain"/> runs in the silo that hosts the node.
/// </summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
internal sealed class NodePlacement : PlacementStrategy
{
    public static NodePlacement Instance { get; } = new();
}
