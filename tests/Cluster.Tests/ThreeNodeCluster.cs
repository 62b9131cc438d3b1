using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Three Orleans silos in this process, for tests that kill one: node 1 (2 CPUs) submits, nodes 2 and 3 (2 CPUs each)
/// have the <c>worker</c> resource, only node 2 has <c>node2</c> and only node 3 has <c>node3</c>. Membership is tuned to declare a killed silo dead
/// within a few seconds (1 s probes, 2 missed probes, 1 vote). Dispose it at the end of the test.
/// </summary>
public sealed class ThreeNodeCluster : IAsyncDisposable
{
    public const string Worker = "worker";
    public const string OnlyNode2 = "node2";
    public const string OnlyNode3 = "node3";

    private readonly InProcessTestCluster _cluster;

    private ThreeNodeCluster(InProcessTestCluster cluster)
    {
        _cluster = cluster;
        Node1 = Node(0);
        Node2 = Node(1);
        Node3 = Node(2);
    }

    public RayNode Node1 { get; }

    public IServiceProvider Node1Services => _cluster.Silos[0].ServiceProvider;

    public RayNode Node2 { get; }

    public IServiceProvider Node2Services => _cluster.Silos[1].ServiceProvider;

    public RayNode Node3 { get; }

    /// <param name="drainTimeout">Each node's <see cref="NodeDrainOptions.Timeout"/> when its silo stops cleanly; null for the default.</param>
    public static async Task<ThreeNodeCluster> StartAsync(TimeSpan? drainTimeout = null)
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((silo, siloBuilder) =>
        {
            siloBuilder.Services.Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
            });
            if (drainTimeout is { } timeout)
            {
                siloBuilder.Services.Configure<NodeDrainOptions>(drain => drain.Timeout = timeout);
            }

            siloBuilder.AddRaySharpNode(silo.SiloName switch
            {
                "Silo_0" => new RayOptions { NumCpus = 2 },
                "Silo_1" => new RayOptions { NumCpus = 2, Resources = new Dictionary<string, double> { [Worker] = 1_000, [OnlyNode2] = 1_000 } },
                "Silo_2" => new RayOptions { NumCpus = 2, Resources = new Dictionary<string, double> { [Worker] = 1_000, [OnlyNode3] = 1_000 } },
                _ => new RayOptions { NumCpus = 2, Resources = new Dictionary<string, double> { [Worker] = 1_000 } },
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var nodes = new ThreeNodeCluster(cluster);
        await nodes.WaitUntilNode1KnowsTheOthers();
        return nodes;
    }

    /// <summary>Kills node 2's silo as a crash would (no clean stop); the others learn it from membership.</summary>
    public Task KillNode2Async() => _cluster.KillSiloAsync(_cluster.Silos[1]);

    /// <summary>The worker nodes alive now (node 1 excluded), in the order their silos started.</summary>
    public IReadOnlyList<RayNode> Workers => [.. _cluster.Silos.Skip(1).Select(silo => silo.ServiceProvider.GetRequiredService<RayNode>())];

    /// <summary>Kills the silo of worker <paramref name="index"/> (see <see cref="Workers"/>) as a crash would.</summary>
    public Task KillWorkerAsync(int index) => _cluster.KillSiloAsync(_cluster.Silos[index + 1]);

    /// <summary>Starts one more worker silo (2 CPUs, the <c>worker</c> resource); returns once it has joined.</summary>
    public Task StartWorkerAsync() => _cluster.StartAdditionalSiloAsync();

    /// <summary>Stops node 2's silo cleanly: its node shuts down, and the tasks still there go back to their senders.</summary>
    public Task StopNode2Async() => _cluster.StopSiloAsync(_cluster.Silos[1]);

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    private RayNode Node(int index) => _cluster.Silos[index].ServiceProvider.GetRequiredService<RayNode>();

    private async Task WaitUntilNode1KnowsTheOthers()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await Node1.Backend.RefreshNodesAsync() < 2)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("node 1 did not see nodes 2 and 3 in the cluster's membership within 30 s");
            }

            await Task.Delay(50);
        }
    }
}
