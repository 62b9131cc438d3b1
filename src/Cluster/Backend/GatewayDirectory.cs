using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;

namespace RaySharp.Cluster.Backend;

/// <summary>A driver's view: the active silos the cluster's management grain lists, asked again when a second has passed.</summary>
internal sealed class GatewayDirectory(IGrainFactory grains) : INodeDirectory
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    public bool HasChangedSince(object? version) => version is not long taken || Stopwatch.GetElapsedTime(taken) > MaxAge;

    public async Task<(IReadOnlyList<string> Nodes, object Version)> ActiveNodesAsync()
    {
        var taken = Stopwatch.GetTimestamp();
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).ConfigureAwait(false);
        IReadOnlyList<string> nodes = [.. hosts.Where(h => h.Value == SiloStatus.Active).Select(h => h.Key.ToParsableString())];
        return (nodes, taken);
    }
}
