using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Concurrency;

namespace RaySharp.Cluster.Nodes;

/// <summary>Checks tokens on whichever silo the caller reaches: every node of a node-mode cluster holds the same token.</summary>
[StatelessWorker]
internal sealed class ClusterGateGrain(IServiceProvider services) : Grain, IClusterGateGrain
{
    public Task<GateAnswer> Enter(string? token, string who)
    {
        var access = services.GetService<ClusterAccess>();
        return Task.FromResult(access is null
            ? new GateAnswer(null, null)
            : new GateAnswer(access.Refusal(token, who), access.Refusal(token, who) is null ? access.PrimarySilo : null));
    }
}
