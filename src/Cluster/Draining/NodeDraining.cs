using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Cluster.Backend;

namespace RaySharp.Cluster.Draining;

/// <summary>
/// Drains a node before it stops (Ray's <c>ray drain-node</c>, which a clean stop runs): it takes no new tasks (see
/// <see cref="NodeDrain"/>) and tells the other nodes, which place nothing more on it; the tasks and actor calls already
/// here finish and their results leave, up to the drain's timeout; then it drops the copies it holds of other nodes'
/// objects and lets go of those it borrowed, telling their owners. The objects it owns are not handed over: as in
/// Ray, they die with it, and a borrower that has not pulled one yet fails with <see cref="OwnerDiedException"/>.
/// </summary>
internal static class NodeDraining
{
    /// <summary>How long telling the other nodes (and the owners of objects) may take.</summary>
    private static readonly TimeSpan TellTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Drains <paramref name="backend"/>'s node; true when everything here finished and left within <paramref name="timeout"/>.</summary>
    public static async Task<bool> RunAsync(ClusterBackend backend, TimeSpan timeout, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        if (!backend.Drain.Begin())
        {
            await backend.Drain.WhenIdleAsync(timeout, cancellation).ConfigureAwait(false);
            return backend.Drain.Work == 0;
        }

        try
        {
            // Every node membership lists now, not only those this node placed on since it started.
            await backend.RefreshNodesAsync().WaitAsync(TellTimeout, cancellation).ConfigureAwait(false);
            await Task.WhenAll(backend.Nodes.Select(node => node.Grain.Draining(backend.NodeId))).WaitAsync(TellTimeout, cancellation).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A node that does not hear it learns it when it sends a spec here: the spec comes back, and it leaves.
        }

        var finished = await backend.Drain.WhenIdleAsync(Remaining(deadline), cancellation).ConfigureAwait(false)
            && await backend.WhenResultsSentAsync(Remaining(deadline), cancellation).ConfigureAwait(false);
        await backend.Objects.LeaveAsync(TellTimeout).ConfigureAwait(false);
        backend.Drain.End(finished);
        return finished;
    }

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
