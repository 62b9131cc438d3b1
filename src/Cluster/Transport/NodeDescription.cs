using System.Collections.Generic;
using Orleans;

namespace RaySharp.Cluster.Transport;

/// <summary>What a node tells the others about itself: its id and its resources in total.</summary>
[GenerateSerializer, Immutable]
internal sealed class NodeDescription
{
    public NodeDescription(string nodeId, Dictionary<string, double> resources)
    {
        NodeId = nodeId;
        Resources = resources;
    }

    [Id(0)]
    public string NodeId { get; }

    /// <summary>Resource name → amount, CPU included.</summary>
    [Id(1)]
    public Dictionary<string, double> Resources { get; }
}
