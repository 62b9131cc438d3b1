using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Two Orleans silos in this process, each a RaySharp node with 2 CPUs; only the second has the custom resource
/// <c>special</c>. One cluster per test class; it shuts down after the class.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    public const string Special = "special";

    private InProcessTestCluster? _cluster;

    public RayNode Node1 { get; private set; } = null!;

    public RayNode Node2 { get; private set; } = null!;

    /// <summary>The services of node 1's silo.</summary>
    public IServiceProvider Node1Services => _cluster!.Silos[0].ServiceProvider;

    /// <summary>Options that ask for the resource only the second node has.</summary>
    public static TaskOptions NeedsSpecial { get; } = new() { Resources = new Dictionary<string, double> { [Special] = 1 } };

    /// <summary>Node 1's view of membership with node 2 dead, as after a crash (node 2 itself still runs): hand it to <c>OnMembershipChanged</c>.</summary>
    public ClusterMembershipSnapshot MembershipWithNode2Dead()
    {
        var snapshot = Node1Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot;
        var node2 = SiloAddress.FromParsableString(Node2.NodeId);
        var member = snapshot.Members[node2];
        return new ClusterMembershipSnapshot(snapshot.Members.SetItem(node2, new ClusterMember(node2, SiloStatus.Dead, member.Name)), snapshot.Version);
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((silo, siloBuilder) => siloBuilder.AddRaySharpNode(silo.SiloName == "Silo_0"
            ? new RayOptions { NumCpus = 2 }
            : new RayOptions { NumCpus = 2, Resources = new Dictionary<string, double> { [Special] = 1 } }));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        Node1 = _cluster.Silos[0].ServiceProvider.GetRequiredService<RayNode>();
        Node2 = _cluster.Silos[1].ServiceProvider.GetRequiredService<RayNode>();
        await WaitUntilTheNodesKnowEachOther();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }

    private async Task WaitUntilTheNodesKnowEachOther()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await Node1.Backend.RefreshNodesAsync() < 1 || await Node2.Backend.RefreshNodesAsync() < 1)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the two nodes did not see each other in the cluster's membership within 30 s");
            }

            await Task.Delay(50);
        }
    }
}
