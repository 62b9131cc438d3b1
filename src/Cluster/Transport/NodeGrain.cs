using System.Collections.Generic;
using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;
using RaySharp.Cluster.Placement;

namespace RaySharp.Cluster.Transport;

/// <summary>
/// The node grain: hands what arrives to the node's backend and returns at once (the tasks run on the node's RaySharp
/// scheduler, not in the grain). Reentrant, so batches from many senders interleave.
/// </summary>
[NodePlacement]
[Reentrant]
internal sealed class NodeGrain(RayNode node) : Grain, INodeGrain
{
    public Task<NodeDescription> Describe() => Task.FromResult(node.Backend.Describe());

    public Task Submit(string from, INodeResults replyTo, IReadOnlyList<WireTask> tasks)
    {
        node.Backend.Accept(from, replyTo, tasks);
        return Task.CompletedTask;
    }

    public Task Send(string from, INodeResults replyTo, IReadOnlyList<WireTask> tasks) => Submit(from, replyTo, tasks);

    public Task Draining(string nodeId)
    {
        node.Backend.OnNodeDraining(nodeId);
        return Task.CompletedTask;
    }
}
