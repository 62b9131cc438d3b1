using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Orleans.Runtime;

namespace RaySharp.Cluster.Backend;

/// <summary>A silo's view: the cluster's membership, versioned by Orleans.</summary>
internal sealed class SiloDirectory(IClusterMembershipService membership) : INodeDirectory
{
    public bool HasChangedSince(object? version) => version is not MembershipVersion seen || membership.CurrentSnapshot.Version != seen;

    public Task<(IReadOnlyList<string> Nodes, object Version)> ActiveNodesAsync()
    {
        var snapshot = membership.CurrentSnapshot;
        IReadOnlyList<string> nodes = [.. snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress.ToParsableString())];
        return Task.FromResult((nodes, (object)snapshot.Version));
    }
}
