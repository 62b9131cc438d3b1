using System;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;
using RaySharp.Cluster.Backend;
using RaySharp.Cluster.Draining;

namespace RaySharp.Cluster;

/// <summary>
/// The RaySharp node an Orleans silo hosts (see <see cref="RayNodeSiloBuilderExtensions.AddRaySharpNode"/>): a
/// <see cref="RayRuntime"/> with its own scheduler and object store, whose tasks spill over to the other nodes of the
/// cluster when this node lacks their resources. Resolve it from the silo's services.
/// </summary>
public sealed class RayNode : IDisposable
{
    internal RayNode(RayOptions options, ILocalSiloDetails silo, IGrainFactory grains, IClusterMembershipService membership)
    {
        NodeId = silo.SiloAddress.ToParsableString();
        ClusterBackend? backend = null;
        Runtime = new RayRuntime(options, runtime => backend = new ClusterBackend(runtime, NodeId, runtime.Options.Capacity(), grains, new SiloDirectory(membership), membership));
        Backend = backend!;
    }

    /// <summary>The node's id: its silo's address, as <see cref="RuntimeContext.NodeId"/> shows it inside the tasks that run here.</summary>
    public string NodeId { get; }

    /// <summary>
    /// The node's runtime: submit through it (<c>using (node.Runtime.MakeCurrent()) { … }</c>, then the generated stubs)
    /// to run tasks on the cluster from this process.
    /// </summary>
    public RayRuntime Runtime { get; }

    /// <summary>The longest drain waits (an infinite timeout included): what a timer can wait.</summary>
    private static readonly TimeSpan MaxDrain = TimeSpan.FromDays(30);

    internal ClusterBackend Backend { get; }

    /// <summary>True once the node drains (<see cref="DrainAsync"/>, or its silo stops cleanly): it takes no new tasks.</summary>
    public bool IsDraining => Backend.Drain.IsDraining;

    /// <summary>
    /// Drains the node, as Ray's <c>ray drain-node</c>: from now on it takes no new tasks (the other nodes place nothing
    /// more on it, and a spec that still arrives goes back to its sender, which places it elsewhere without spending a
    /// retry), while the tasks and actor calls already here run to the end and their results are delivered, for up to
    /// <paramref name="timeout"/>; then it drops the copies it holds of other nodes' objects and tells their owners. The
    /// objects it owns die with it when it stops (borrowers that have not pulled one fail with
    /// <see cref="OwnerDiedException"/>). A clean stop of the silo drains first, for <see cref="NodeDrainOptions.Timeout"/>;
    /// call this to drain earlier, then stop the silo. A drained node stays drained.
    /// </summary>
    /// <param name="timeout">How long to wait for the work here to finish; zero does not wait.</param>
    /// <param name="cancellation">Stops waiting (the node stays drained).</param>
    /// <returns>True when every task here finished and its result left in time; false when some were still there.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative (other than <see cref="Timeout.InfiniteTimeSpan"/>).</exception>
    public Task<bool> DrainAsync(TimeSpan timeout, CancellationToken cancellation = default)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A drain timeout is zero or more (or Timeout.InfiniteTimeSpan); give the time the tasks on this node may take to finish.");
        }

        return NodeDraining.RunAsync(Backend, timeout == Timeout.InfiniteTimeSpan || timeout > MaxDrain ? MaxDrain : timeout, cancellation);
    }

    /// <summary>Shuts the node's runtime down: every pending ref here fails with <see cref="RuntimeShutdownException"/>.</summary>
    public void Dispose() => Runtime.Dispose();
}
