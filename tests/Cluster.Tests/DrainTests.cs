using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Issue 15's clean leave, after Ray's <c>python/ray/tests/test_draining.py</c>: a node that stops cleanly (or drains,
/// as <c>ray drain-node</c>) takes no new tasks or actors, and the tasks already there finish there.
/// </summary>
public sealed class DrainTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly TaskOptions OnNode2Once = new() { MaxRetries = 0, Resources = new Dictionary<string, double> { [ThreeNodeCluster.OnlyNode2] = 1 } };

    private static readonly TaskOptions OnWorkersOnce = new() { MaxRetries = 0, Resources = new Dictionary<string, double> { [ThreeNodeCluster.Worker] = 1 } };

    [Fact]
    public async Task Tasks_running_and_queued_on_a_node_that_stops_cleanly_finish_there_and_spend_no_retry()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        NodeDeathFunctions.Runs.Clear();
        NodeDeathFunctions.Gate = new ManualResetEventSlim(false);
        NodeDeathFunctions.Started = new CountdownEvent(2);
        try
        {
            // Six tasks only node 2 can run, with no retry: two run (node 2 has 2 CPUs), four wait in its queue.
            var squares = Enumerable.Range(1, 6).Select(i => NodeDeathFunctions.Remote.WithOptions(OnNode2Once).SquareAfterGate(i)).ToList();
            Assert.True(NodeDeathFunctions.Started.Wait(Timeout), "two tasks did not start on node 2");
            Assert.True(SpinWait.SpinUntil(() => cluster.Node2.Backend.Drain.Work == 6, Timeout), "node 2 did not take all six tasks");

            var stopping = cluster.StopNode2Async();
            await cluster.Node2.Backend.Drain.Started.WaitAsync(Timeout);
            Assert.True(cluster.Node2.IsDraining);
            Assert.False(stopping.IsCompleted); // the stop waits for the tasks there
            NodeDeathFunctions.Gate.Set();
            await stopping.WaitAsync(Timeout);

            var results = squares.Select(square => square.Get(Timeout)).ToList();
            Assert.Equal(Enumerable.Range(1, 6).Select(i => i * i), results.Select(r => r.Value));
            Assert.All(results, r => Assert.Equal(cluster.Node2.NodeId, r.Node));
            Assert.All(Enumerable.Range(1, 6), i => Assert.Equal(1, NodeDeathFunctions.Runs[i]));
            Assert.Equal(0, cluster.Node1.Backend.SystemFailures);
        }
        finally
        {
            NodeDeathFunctions.Gate.Set();
        }
    }

    /// <summary>Ray's <c>test_scheduling_tasks_and_actors_during_draining</c>: the draining node is unschedulable for new tasks and actors.</summary>
    [Fact]
    public async Task test_scheduling_tasks_and_actors_during_draining()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        NodeDeathFunctions.Gate = new ManualResetEventSlim(true);

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cluster.Node2.DrainAsync(TimeSpan.FromSeconds(-1)));
        Assert.Equal("timeout", refused.ParamName);
        Assert.False(cluster.Node2.IsDraining);

        Assert.True(await cluster.Node2.DrainAsync(TimeSpan.Zero)); // nothing runs there: drained at once, and it stays so
        Assert.True(cluster.Node1.Backend.HasLeft(cluster.Node2.NodeId));

        var results = Enumerable.Range(0, 8).Select(i => NodeDeathFunctions.Remote.WithOptions(OnWorkersOnce).SquareAfterGate(i)).Select(r => r.Get(Timeout)).ToList();
        Assert.All(results, r => Assert.Equal(cluster.Node3.NodeId, r.Node));

        var actor = NodeCounter.Remote.WithOptions(new ActorOptions { Resources = new Dictionary<string, double> { [ThreeNodeCluster.Worker] = 1 } }).New(0);
        Assert.Equal(cluster.Node3.NodeId, actor.WhereAmI().Get(Timeout));

        // Only the draining node has the resource: as Ray's hard node affinity to a draining node, unschedulable.
        var error = Assert.Throws<TaskUnschedulableException>(() => NodeDeathFunctions.Remote.WithOptions(OnNode2Once).SquareAfterGate(9).Get(Timeout));
        Assert.Contains(ThreeNodeCluster.OnlyNode2, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Specs_that_reach_a_draining_node_are_handed_back_and_placed_elsewhere_without_spending_a_retry()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        NodeDeathFunctions.Runs.Clear();
        NodeDeathFunctions.Gate = new ManualResetEventSlim(true);

        // Node 2 drains without telling node 1, as when the word has not reached it yet: node 1 still places tasks there.
        Assert.True(cluster.Node2.Backend.Drain.Begin());
        var results = Enumerable.Range(0, 20).Select(i => NodeDeathFunctions.Remote.WithOptions(OnWorkersOnce).SquareAfterGate(i)).ToList().Select(r => r.Get(Timeout)).ToList();

        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * i), results.Select(r => r.Value));
        Assert.All(results, r => Assert.Equal(cluster.Node3.NodeId, r.Node));
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(1, NodeDeathFunctions.Runs[i]));
        Assert.Equal(0, cluster.Node1.Backend.SystemFailures);
        Assert.True(cluster.Node1.Backend.HasLeft(cluster.Node2.NodeId), "node 1 did not learn from the handed-back specs that node 2 drains");
    }

    [Fact]
    public async Task A_draining_node_drops_its_copies_of_other_nodes_objects_and_tells_their_owner()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var data = ObjectFunctions.Bytes(512 * 1024, seed: 15);
        var put = Ray.Put(data);
        var onNode2 = new TaskOptions { Resources = new Dictionary<string, double> { [ThreeNodeCluster.OnlyNode2] = 1 } };
        var digest = ObjectFunctions.Remote.WithOptions(onNode2).Summarize(put).Get(Timeout);
        Assert.Equal(cluster.Node2.NodeId, digest.Node);
        Assert.True(cluster.Node2.Backend.Objects.HoldsCopy(put.Id));
        Assert.Contains(cluster.Node2.NodeId, cluster.Node1.Backend.Objects.HoldersOf(put.Id));

        Assert.True(await cluster.Node2.DrainAsync(Timeout));

        Assert.False(cluster.Node2.Backend.Objects.HoldsCopy(put.Id));
        Assert.DoesNotContain(cluster.Node2.NodeId, cluster.Node1.Backend.Objects.HoldersOf(put.Id));
        GC.KeepAlive(put);
    }
}
