using System.Threading.Tasks;
using Orleans;

namespace RaySharp.Cluster.Nodes;

/// <summary>A node's state for <c>raysharp status</c>, keyed and placed as the node grain (by the silo's address).</summary>
internal interface INodeStatusGrain : IGrainWithStringKey
{
    Task<RayNodeStatus> Status();
}
