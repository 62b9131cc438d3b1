using System.Collections.Generic;
using RaySharp.Cluster.Transport;
using RaySharp.Scheduling;

namespace RaySharp.Cluster.Backend;

/// <summary>Another node, as this one knows it: its id, its grain, its resources and the outbox of specs sent to it.</summary>
internal sealed class RemoteNode
{
    public RemoteNode(string nodeId, INodeGrain grain, ResourceLedger ledger, Outbox<WireTask> specs)
    {
        NodeId = nodeId;
        Grain = grain;
        Ledger = ledger;
        Specs = specs;
    }

    public string NodeId { get; }

    public INodeGrain Grain { get; }

    public ResourceLedger Ledger { get; }

    public Outbox<WireTask> Specs { get; }

    /// <summary>Resources from a node's description: CPU apart, the rest custom.</summary>
    public static ResourceRequest CapacityOf(NodeDescription description)
    {
        var custom = new Dictionary<string, double>(description.Resources);
        custom.Remove(ResourceRequest.Cpu, out var cpus);
        return ResourceRequest.Create(cpus, custom, $"description of node {description.NodeId}");
    }
}
