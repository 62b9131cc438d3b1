using System;
using Orleans;
using Orleans.Runtime;
using RaySharp.Cluster.Backend;

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

    internal ClusterBackend Backend { get; }

    /// <summary>Shuts the node's runtime down: every pending ref here fails with <see cref="RuntimeShutdownException"/>.</summary>
    public void Dispose() => Runtime.Dispose();
}
