using System.Collections.Generic;
using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;
using RaySharp.Cluster.Placement;
using RaySharp.Cluster.Transport;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// The actor host grain: hands what arrives to the node's <see cref="ClusterActors"/> and returns at once (the actors
/// run on the node's RaySharp runtime, not in the grain). Reentrant, so batches from many senders interleave; each
/// batch is handled in one synchronous step, so one sender's messages keep their order.
/// </summary>
[NodePlacement]
[Reentrant]
internal sealed class ActorHostGrain(RayNode node) : Grain, IActorHostGrain
{
    public Task Submit(string from, INodeResults replyTo, IReadOnlyList<WireActorMessage> messages)
    {
        node.Backend.ClusterActors.Accept(from, replyTo, messages);
        return Task.CompletedTask;
    }
}
