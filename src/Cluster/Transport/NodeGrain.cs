using System.Collections.Generic;
using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;
using RaySharp.Cluster.Placement;

namespace RaySharp.Cluster.Transport;

/// <summary>
/// The node grain: hands what arrives to the node's backend and returns at once (the tasks run on the node's RaySharp
/// scheduler, not in the grain). Reentrant, so specs and results from many nodes interleave.
/// </summary>
[NodePlacement]
[Reentrant]
internal sealed class NodeGrain(RayNode node) : Grain, INodeGrain
{
    public Task<NodeDescription> Describe() => Task.FromResult(node.Backend.Describe());

    public Task Submit(string from, IReadOnlyList<WireTask> tasks)
    {
        node.Backend.Accept(from, tasks);
        return Task.CompletedTask;
    }

    public Task Complete(string from, IReadOnlyList<WireResult> results)
    {
        node.Backend.Complete(from, results);
        return Task.CompletedTask;
    }
}
