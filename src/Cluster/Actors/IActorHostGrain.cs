using System.Collections.Generic;
using System.Threading.Tasks;
using Orleans;
using RaySharp.Cluster.Transport;

namespace RaySharp.Cluster.Actors;

/// <summary>
/// The actor mailbox of a node, keyed by its silo address and placed on that silo (as the node grain): other nodes and
/// drivers send it batches of actor creations, calls and kills for the actors it hosts.
/// </summary>
internal interface IActorHostGrain : IGrainWithStringKey
{
    /// <summary>
    /// Handles <paramref name="messages"/>, sent by <paramref name="from"/>, in order; returns once they are accepted,
    /// and call results go back to <paramref name="replyTo"/> in batches.
    /// </summary>
    Task Submit(string from, INodeResults replyTo, IReadOnlyList<WireActorMessage> messages);
}
