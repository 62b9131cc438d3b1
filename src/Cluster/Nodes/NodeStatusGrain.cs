using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Concurrency;
using RaySharp.Backend;
using RaySharp.Cluster.Placement;

namespace RaySharp.Cluster.Nodes;

/// <summary>Describes its silo's node: resources in total and free now, tasks running and queued, objects stored.</summary>
[NodePlacement]
[Reentrant]
internal sealed class NodeStatusGrain(RayNode node, IServiceProvider services) : Grain, INodeStatusGrain
{
    public Task<RayNodeStatus> Status()
    {
        IRayBackend backend = node.Backend;
        var here = backend.Nodes()[0];
        var counters = backend.TaskCounters();
        var running = Math.Max(0, counters.LeftQueue - counters.Finished - counters.Failed - counters.Cancelled);
        return Task.FromResult(new RayNodeStatus(
            node.NodeId,
            services.GetService<ClusterAccess>()?.IsHead ?? false,
            here.ResourcesTotal.ToDictionary(),
            here.ResourcesAvailable.ToDictionary(),
            running,
            counters.Queued,
            backend.ObjectsInStore().Count,
            backend.StoreMemory().UsedBytes));
    }
}
