using System.Collections.Generic;
using System.Threading.Tasks;

namespace RaySharp.Cluster.Backend;

/// <summary>Which nodes are active: a silo asks its membership service, a driver the cluster's management grain.</summary>
internal interface INodeDirectory
{
    /// <summary>True when a view taken at <paramref name="version"/> (null: never) may be out of date.</summary>
    bool HasChangedSince(object? version);

    /// <summary>The ids (silo addresses) of the active nodes, and the version of that answer.</summary>
    Task<(IReadOnlyList<string> Nodes, object Version)> ActiveNodesAsync();
}
