using System.Collections.Generic;
using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;

namespace RaySharp.Cluster.Transport;

/// <summary>
/// A node's mailbox, keyed by its silo address and placed on that silo: other nodes and drivers send it batches of
/// task specs to run.
/// </summary>
internal interface INodeGrain : IGrainWithStringKey
{
    /// <summary>The node's id and resources.</summary>
    Task<NodeDescription> Describe();

    /// <summary>
    /// Runs <paramref name="tasks"/>, sent by <paramref name="from"/>; returns once they are accepted, and the results go
    /// back to <paramref name="replyTo"/> in batches.
    /// </summary>
    Task Submit(string from, INodeResults replyTo, IReadOnlyList<WireTask> tasks);

    /// <summary>
    /// <see cref="Submit"/> without the acceptance reply, for the lone spec a node sends after a pause: one message less
    /// on a round trip's path (a busy stream keeps <see cref="Submit"/>, whose reply paces its batches). Between silos a
    /// batch is lost only with a node, which membership reports, so its tasks are retried as a running task's are. A
    /// driver always uses <see cref="Submit"/>: its batches pass through a gateway that may fail on its own.
    /// </summary>
    [OneWay]
    Task Send(string from, INodeResults replyTo, IReadOnlyList<WireTask> tasks);

    /// <summary>Node <paramref name="nodeId"/> drains (it stops cleanly): place nothing more on it.</summary>
    Task Draining(string nodeId);
}
