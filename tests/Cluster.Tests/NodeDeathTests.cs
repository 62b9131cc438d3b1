using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// A node killed mid-run (issue 15's "must show" 1 and 4): the tasks placed on it run again on a live node while their
/// retries last, and fail with <see cref="NodeDiedException"/> when they have none, never running twice.
/// </summary>
public sealed class NodeDeathTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_thousand_tasks_survive_the_death_of_the_node_that_ran_half_of_them_and_every_result_is_right()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        const int count = 1_000;
        NodeDeathFunctions.Runs.Clear();
        NodeDeathFunctions.Gate = new ManualResetEventSlim(false);
        NodeDeathFunctions.Started = new CountdownEvent(4);
        var onWorkers = new TaskOptions { MaxRetries = 3, Resources = new Dictionary<string, double> { [ThreeNodeCluster.Worker] = 1 } };
        try
        {
            var squares = Enumerable.Range(0, count).Select(i => NodeDeathFunctions.Remote.WithOptions(onWorkers).SquareAfterGate(i)).ToList();
            // Both workers' CPUs are busy: two tasks run on each, the rest queue there.
            Assert.True(NodeDeathFunctions.Started.Wait(Timeout), "the first four tasks did not start on nodes 2 and 3");

            var killed = Stopwatch.StartNew();
            await cluster.KillNode2Async();
            var killReturned = killed.Elapsed;
            NodeDeathFunctions.Gate.Set();

            var results = squares.Select(s => s.Get(Timeout)).ToList();
            // The failover time docs/benchmarks.md records: the retried tasks are the last to finish.
            output.WriteLine($"KillSiloAsync returned after {killReturned.TotalSeconds:0.00} s; all {count} results {killed.Elapsed.TotalSeconds:0.00} s after the kill began");

            Assert.Equal(Enumerable.Range(0, count).Select(i => i * i), results.Select(r => r.Value));
            Assert.All(results, r => Assert.Equal(cluster.Node3.NodeId, r.Node));
            Assert.DoesNotContain(cluster.Node1.Backend.Nodes, n => n.NodeId == cluster.Node2.NodeId);
            // Node 2 held tasks when it died, and they ran again on node 3.
            Assert.Contains(NodeDeathFunctions.Runs.Values, runs => runs > 1);
        }
        finally
        {
            NodeDeathFunctions.Gate.Set();
        }
    }

    [Fact]
    public async Task Tasks_with_MaxRetries_0_on_a_node_that_dies_fail_with_NodeDiedException_and_ran_at_most_once()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        const int count = 10;
        NodeDeathFunctions.Runs.Clear();
        NodeDeathFunctions.Gate = new ManualResetEventSlim(false);
        NodeDeathFunctions.Started = new CountdownEvent(2);
        var onNode2Once = new TaskOptions { MaxRetries = 0, Resources = new Dictionary<string, double> { [ThreeNodeCluster.OnlyNode2] = 1 } };
        try
        {
            var squares = Enumerable.Range(0, count).Select(i => NodeDeathFunctions.Remote.WithOptions(onNode2Once).SquareAfterGate(i)).ToList();
            Assert.True(NodeDeathFunctions.Started.Wait(Timeout), "the first two tasks did not start on node 2");

            await cluster.KillNode2Async();

            foreach (var square in squares)
            {
                var error = Assert.Throws<NodeDiedException>(() => square.Get(Timeout));
                Assert.Equal(cluster.Node2.NodeId, error.NodeId);
                Assert.Equal(1, error.Attempts);
                Assert.Contains("MaxRetries is 0", error.Message, StringComparison.Ordinal);
            }

            // Nothing ran again elsewhere: a later task on node 3 finds the same runs (the two that had started).
            NodeDeathFunctions.Gate.Set();
            var onNode3 = new TaskOptions { Resources = new Dictionary<string, double> { [ThreeNodeCluster.Worker] = 1 } };
            Assert.Equal(cluster.Node3.NodeId, NodeDeathFunctions.Remote.WithOptions(onNode3).SquareAfterGate(-1).Get(Timeout).Node);
            Assert.Equal(2, Enumerable.Range(0, count).Sum(i => NodeDeathFunctions.Runs.GetValueOrDefault(i)));
            Assert.All(NodeDeathFunctions.Runs.Values, runs => Assert.Equal(1, runs));
        }
        finally
        {
            NodeDeathFunctions.Gate.Set();
        }
    }

    [Fact]
    public async Task Tasks_left_on_a_node_whose_drain_timed_out_run_on_another_node()
    {
        // A drain that gives up at once: what node 2 has is given back as a shutdown, and retried elsewhere.
        await using var cluster = await ThreeNodeCluster.StartAsync(drainTimeout: TimeSpan.Zero);
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        NodeDeathFunctions.Runs.Clear();
        NodeDeathFunctions.Gate = new ManualResetEventSlim(false);
        NodeDeathFunctions.Started = new CountdownEvent(4);
        var onWorkers = new TaskOptions { Resources = new Dictionary<string, double> { [ThreeNodeCluster.Worker] = 1 } };
        try
        {
            var squares = Enumerable.Range(0, 20).Select(i => NodeDeathFunctions.Remote.WithOptions(onWorkers).SquareAfterGate(i)).ToList();
            Assert.True(NodeDeathFunctions.Started.Wait(Timeout), "the first four tasks did not start on nodes 2 and 3");

            // The stop waits for node 2's runtime, whose two running tasks wait for the gate: open it once the drain gave up.
            var stopping = cluster.StopNode2Async();
            Assert.False(await cluster.Node2.Backend.Drain.Ended.WaitAsync(Timeout));
            NodeDeathFunctions.Gate.Set();
            await stopping;

            var results = squares.Select(s => s.Get(Timeout)).ToList();
            Assert.Equal(Enumerable.Range(0, 20).Select(i => i * i), results.Select(r => r.Value));
            Assert.Contains(results, r => r.Node == cluster.Node3.NodeId);
            // Not asserted: how node 2's leftovers came back (as a shutdown, which spends a retry, or as a drain's hand-back,
            // which does not): CI once saw no retry spent, and which of the two ways it took there is not known yet.
        }
        finally
        {
            NodeDeathFunctions.Gate.Set();
        }
    }
}
