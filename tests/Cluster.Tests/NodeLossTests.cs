using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>A node that leaves the cluster: nothing more is placed on it, and a task that only it could run fails instead of waiting forever.</summary>
public sealed class NodeLossTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task When_node_2_is_dead_a_task_only_it_could_run_fails_with_NodeDiedException_and_nothing_more_is_placed_on_it()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        ClusterFunctions.Gate = new ManualResetEventSlim(false);
        ClusterFunctions.Started = new CountdownEvent(1);
        try
        {
            var held = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Hold();
            Assert.True(ClusterFunctions.Started.Wait(Timeout), "the task never started on node 2");

            // Node 1 learns from membership that node 2 is dead (as after a crash; node 2 itself still runs here).
            await cluster.Node1.Backend.OnMembershipChanged(cluster.MembershipWithNode2Dead());

            // Its retry finds no live node with the resource only node 2 had.
            var error = Assert.Throws<NodeDiedException>(() => held.Get(Timeout));
            Assert.Equal(cluster.Node2.NodeId, error.NodeId);
            Assert.Contains("no live node has the resources", error.Message, StringComparison.Ordinal);
            Assert.Empty(cluster.Node1.Backend.Nodes);
            var next = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).WhereAmI();
            Assert.True(next.IsReady, "with node 2 gone, no node can run the task");
            Assert.Throws<TaskUnschedulableException>(() => next.Get(TimeSpan.Zero));
        }
        finally
        {
            ClusterFunctions.Gate.Set();
        }
    }
}
