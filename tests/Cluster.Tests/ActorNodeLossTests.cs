using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Ray's test_actor_advanced.py::test_exception_raised_when_actor_node_dies: when the node hosting an actor leaves the
/// cluster, its pending and later calls fail with <see cref="ActorDiedException"/> instead of waiting forever.
/// </summary>
public sealed class ActorNodeLossTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task When_the_node_hosting_an_actor_is_dead_its_pending_and_later_calls_fail_with_ActorDiedException()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        ActorTasks.Gate = new ManualResetEventSlim(false);
        try
        {
            var counter = NodeCounter.Remote.WithOptions(new ActorOptions { Resources = new Dictionary<string, double> { [TwoNodeCluster.Special] = 0.1 } }).New(0);
            Assert.Equal(cluster.Node2.NodeId, counter.WhereAmI().Get(Timeout));
            var pending = counter.WaitForGate();

            // Node 1 learns from membership that node 2 is dead (as after a crash; node 2 itself still runs here).
            await cluster.Node1.Backend.OnMembershipChanged(cluster.MembershipWithNode2Dead());

            var died = Assert.Throws<ActorDiedException>(() => pending.Get(Timeout));
            Assert.Equal(counter.Id, died.ActorId);
            Assert.Contains(cluster.Node2.NodeId, died.Message, StringComparison.Ordinal);
            var later = counter.Add(1);
            Assert.True(later.IsReady, "a call to an actor whose node is dead fails at once");
            Assert.Throws<ActorDiedException>(() => later.Get(TimeSpan.Zero));
        }
        finally
        {
            ActorTasks.Gate.Set();
        }
    }
}
