using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Issue 15's owner case: a ref whose owner (the node that submitted its task) dies before the value is ready fails on
/// the node that borrowed it, with an error naming the owner, instead of waiting forever: <see cref="OwnerDiedException"/> (Ray's <c>OwnerDiedError</c>).
/// </summary>
public sealed class OwnerDeathTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_borrowed_ref_whose_owner_node_dies_before_it_is_ready_fails_with_OwnerDiedException_naming_the_owner()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        NodeDeathFunctions.Gate = new ManualResetEventSlim(false);
        NodeDeathFunctions.Started = new CountdownEvent(1);
        try
        {
            var onNode2 = new TaskOptions { Resources = new Dictionary<string, double> { [ThreeNodeCluster.OnlyNode2] = 1 } };
            // Node 2 owns the inner ref (its task runs there, held by the gate); node 1 borrows it from the list.
            var owned = NodeDeathFunctions.Remote.WithOptions(onNode2).OwnAGatedSquare(7).Get(Timeout);
            var borrowed = Assert.Single(owned);
            Assert.True(NodeDeathFunctions.Started.Wait(Timeout), "the owned task did not start on node 2");

            await cluster.KillNode2Async();

            var error = Assert.Throws<OwnerDiedException>(() => borrowed.Get(Timeout));
            Assert.Equal(cluster.Node2.NodeId, error.OwnerNodeId);
            Assert.Equal(borrowed.Id, error.ObjectId);
            Assert.Contains($"its owner, node {cluster.Node2.NodeId}, died", error.Message, StringComparison.Ordinal);
            Assert.Contains("let a node that stays up own", error.Message, StringComparison.Ordinal); // how to avoid it
            Assert.DoesNotContain("codec", error.Message, StringComparison.OrdinalIgnoreCase); // the cause is described, not lost in serialization
        }
        finally
        {
            NodeDeathFunctions.Gate.Set();
        }
    }

    [Fact]
    public async Task A_borrowed_ref_whose_owner_node_stops_cleanly_before_it_is_ready_fails_with_OwnerDiedException()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        NodeDeathFunctions.Gate = new ManualResetEventSlim(false);
        NodeDeathFunctions.Started = new CountdownEvent(1);
        Task? stopping = null;
        try
        {
            var onNode2 = new TaskOptions { Resources = new Dictionary<string, double> { [ThreeNodeCluster.OnlyNode2] = 1 } };
            var owned = NodeDeathFunctions.Remote.WithOptions(onNode2).OwnAGatedSquare(7).Get(Timeout);
            var borrowed = Assert.Single(owned);
            Assert.True(NodeDeathFunctions.Started.Wait(Timeout), "the owned task did not start on node 2");

            // Node 2 drains (nothing other nodes sent is left there) and stops: the object it owns is not handed over.
            stopping = cluster.StopNode2Async();

            var error = Assert.Throws<OwnerDiedException>(() => borrowed.Get(Timeout));
            Assert.Equal(cluster.Node2.NodeId, error.OwnerNodeId);
            Assert.Equal(borrowed.Id, error.ObjectId);
            Assert.True(cluster.Node2.Backend.Drain.Ended.IsCompleted, "the owner failed its borrowers before it drained");
        }
        finally
        {
            NodeDeathFunctions.Gate.Set();
            if (stopping is not null)
            {
                await stopping.WaitAsync(Timeout);
            }
        }
    }
}
