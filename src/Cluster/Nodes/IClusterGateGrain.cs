using System.Threading.Tasks;
using Orleans;

namespace RaySharp.Cluster.Nodes;

/// <summary>The door of a cluster: a driver or a new node presents the cluster token before it does anything else.</summary>
internal interface IClusterGateGrain : IGrainWithIntegerKey
{
    /// <summary>Checks <paramref name="token"/> for <paramref name="who"/> ("driver", "node", "status").</summary>
    Task<GateAnswer> Enter(string? token, string who);
}
