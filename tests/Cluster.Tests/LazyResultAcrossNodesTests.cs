using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>A large result kept on node 2 goes straight to a task or an actor call on node 3, never through its owner, node 1.</summary>
public sealed class LazyResultAcrossNodesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_large_result_kept_on_node_2_goes_to_a_task_and_an_actor_call_on_node_3_without_reaching_its_owner()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var onNode2 = new TaskOptions { Resources = new Dictionary<string, double> { [ThreeNodeCluster.OnlyNode2] = 1 } };
        var onNode3 = new TaskOptions { Resources = new Dictionary<string, double> { [ThreeNodeCluster.OnlyNode3] = 1 } };
        var actorOnNode3 = NodeCounter.Remote.WithOptions(new ActorOptions { Resources = onNode3.Resources }).New(0);
        var (pulls1, pulls3) = (cluster.Node1.Backend.Objects.Pulls, cluster.Node3.Backend.Objects.Pulls);
        var expected = new Digest(Digest.SumOf(ObjectFunctions.Bytes(700_000, 41)), 700_000, cluster.Node3.NodeId);

        var made = ObjectFunctions.Remote.WithOptions(onNode2).Make(700_000, 41);
        var byTask = ObjectFunctions.Remote.WithOptions(onNode3).Summarize(made).Get(Timeout);
        var byActor = actorOnNode3.Summarize(made).Get(Timeout);

        Assert.Equal(expected, byTask);
        Assert.Equal(expected, byActor);
        Assert.False(made.IsCompleted, "the owner has the value although nothing there used it");
        Assert.Equal(pulls1, cluster.Node1.Backend.Objects.Pulls);
        Assert.Equal(pulls3 + 1, cluster.Node3.Backend.Objects.Pulls); // one copy on node 3, pulled from node 2, for both
        Ray.Kill(actorOnNode3);
    }
}
