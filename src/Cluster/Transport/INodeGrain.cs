using System.Collections.Generic;
using System.Threading.Tasks;
using Orleans;

namespace RaySharp.Cluster.Transport;

/// <summary>
/// A node's mailbox, keyed by its silo address and placed on that silo: other nodes send it batches of task specs
/// to run, and batches of results of the tasks it sent them.
/// </summary>
internal interface INodeGrain : IGrainWithStringKey
{
    /// <summary>The node's id and resources.</summary>
    Task<NodeDescription> Describe();

    /// <summary>Runs <paramref name="tasks"/>, sent by node <paramref name="from"/>; returns once they are accepted, and the results go back to <paramref name="from"/> in <see cref="Complete"/> batches.</summary>
    Task Submit(string from, IReadOnlyList<WireTask> tasks);

    /// <summary>Results of tasks this node sent to node <paramref name="from"/>.</summary>
    Task Complete(string from, IReadOnlyList<WireResult> results);
}
