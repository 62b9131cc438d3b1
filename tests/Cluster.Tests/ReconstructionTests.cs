using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Wire;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Lineage reconstruction through chains (Ray's <c>python/ray/tests/test_reconstruction.py</c>): large results stay on
/// the node that made them; when that node is killed, getting one (or sending a task that needs one) runs its task
/// again on a surviving node, after the tasks of its own lost arguments, recursively, while their retries last.
/// </summary>
public sealed class ReconstructionTests
{
    private const int Length = 300 * 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>On a worker node, with Ray's <c>max_retries=1</c>: one rebuild, then the object is lost.</summary>
    private static readonly TaskOptions RetriedOnceOnAWorker = new() { NumCpus = 0, MaxRetries = 1, Resources = ReconstructionFunctions.OnAWorker.Resources };

    [Fact]
    public async Task Getting_the_end_of_a_chain_whose_node_died_rebuilds_all_three_tasks_on_the_surviving_node()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var owner = cluster.Node1.Backend;
        var remote = ReconstructionFunctions.Remote.WithOptions(ReconstructionFunctions.OnAWorker);

        var a = remote.LargeObject(Length, 31, "three-a");
        var b = remote.Chain(a, "three-b");
        var c = remote.Chain(b, "three-c");
        var keeper = KeptAt(cluster.Node1, c).Node;
        Assert.Equal(keeper, KeptAt(cluster.Node1, a).Node);
        Assert.Equal(keeper, KeptAt(cluster.Node1, b).Node);
        var pulls = owner.Objects.Pulls;
        var failures = owner.SystemFailures;

        await KillAsync(cluster, keeper);
        var value = c.Get(Timeout);

        Assert.Equal(ReconstructionFunctions.Expected(Length, 31, steps: 2), value);
        Assert.Equal(2, ReconstructionFunctions.RunsOf("three-a"));
        Assert.Equal(2, ReconstructionFunctions.RunsOf("three-b"));
        Assert.Equal(2, ReconstructionFunctions.RunsOf("three-c"));
        Assert.Equal(failures + 3, owner.SystemFailures);
        Assert.Equal(pulls + 1, owner.Objects.Pulls); // only C came to the owner: A and B went from node to node
        Assert.NotEqual(keeper, KeptAt(cluster.Node1, c).Node);
    }

    /// <summary>Ray: <c>test_basic_reconstruction</c> (reconstruction enabled): <c>max_retries=1</c> rebuilds once, then the object is lost for good.</summary>
    [Fact]
    public async Task test_basic_reconstruction()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var dependent = ObjectFunctions.Remote.WithOptions(ReconstructionFunctions.OnAWorker);
        var expected = Digest.SumOf(ObjectFunctions.Bytes(Length, 32));

        var obj = ReconstructionFunctions.Remote.WithOptions(RetriedOnceOnAWorker).LargeObject(Length, 32, "basic");
        Assert.Equal(expected, dependent.Summarize(obj).Get(Timeout).Sum);
        await KillAsync(cluster, KeptAt(cluster.Node1, obj).Node);

        Assert.Equal(expected, dependent.Summarize(obj).Get(Timeout).Sum);
        Assert.Equal(2, ReconstructionFunctions.RunsOf("basic"));

        // Losing the object a second time: its one retry is spent, so it is not made again.
        await cluster.StartWorkerAsync();
        await KillAsync(cluster, KeptAt(cluster.Node1, obj).Node);
        var error = Assert.Throws<NodeTaskException>(() => obj.Get(Timeout));
        Assert.Contains("MaxRetries is 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, ReconstructionFunctions.RunsOf("basic"));
    }

    /// <summary>Ray: <c>test_multiple_downstream_tasks</c> (reconstruction enabled): four results made from one lost object; it is made again once for all four, twice over.</summary>
    [Fact]
    public async Task test_multiple_downstream_tasks()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var remote = ReconstructionFunctions.Remote.WithOptions(ReconstructionFunctions.OnAWorker);
        var dependent = ObjectFunctions.Remote.WithOptions(ReconstructionFunctions.OnAWorker);
        var expected = Digest.SumOf(ReconstructionFunctions.Expected(Length, 33, steps: 1));

        var obj = remote.LargeObject(Length, 33, "downstream-large");
        var downstream = Enumerable.Range(0, 4).Select(_ => remote.Chain(obj, "downstream-chain")).ToList();

        void AssertEveryResultIsIntact()
        {
            foreach (var each in downstream)
            {
                Assert.Equal(expected, dependent.Summarize(each).Get(Timeout).Sum);
            }
        }

        AssertEveryResultIsIntact();

        await KillAsync(cluster, KeptAt(cluster.Node1, downstream[0]).Node);
        AssertEveryResultIsIntact();

        Assert.Equal(2, ReconstructionFunctions.RunsOf("downstream-large"));
        Assert.Equal(8, ReconstructionFunctions.RunsOf("downstream-chain"));

        await cluster.StartWorkerAsync();
        await KillAsync(cluster, KeptAt(cluster.Node1, downstream[0]).Node);
        AssertEveryResultIsIntact();

        Assert.Equal(3, ReconstructionFunctions.RunsOf("downstream-large"));
        Assert.Equal(12, ReconstructionFunctions.RunsOf("downstream-chain"));
    }

    /// <summary>Ray: <c>test_reconstruction_chain</c> (reconstruction enabled): a chain of twenty tasks after a large object, all on the node that dies.</summary>
    [Fact]
    public async Task test_reconstruction_chain()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var remote = ReconstructionFunctions.Remote.WithOptions(ReconstructionFunctions.OnAWorker);
        var dependent = ObjectFunctions.Remote.WithOptions(ReconstructionFunctions.OnAWorker);
        var expected = Digest.SumOf(ReconstructionFunctions.Expected(Length, 34, steps: 20));

        var obj = ReconstructionFunctions.Remote.WithOptions(RetriedOnceOnAWorker).LargeObject(Length, 34, "chain-large");
        for (var i = 0; i < 20; i++)
        {
            obj = remote.Chain(obj, "chain-" + i);
        }

        Assert.Equal(expected, dependent.Summarize(obj).Get(Timeout).Sum);
        await KillAsync(cluster, KeptAt(cluster.Node1, obj).Node);

        Assert.Equal(expected, dependent.Summarize(obj).Get(Timeout).Sum);
        Assert.Equal(2, ReconstructionFunctions.RunsOf("chain-large"));
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(2, ReconstructionFunctions.RunsOf("chain-" + i)));
    }

    /// <summary>
    /// A task sent with a reference to an argument that its node lost before the task's node pulled it (here the bytes
    /// are dropped, as on a node that died): the owner makes the argument again and runs the task again.
    /// </summary>
    [Fact]
    public async Task A_task_whose_argument_was_lost_before_its_node_pulled_it_runs_again_after_the_argument_is_made_again()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var onNode2 = new TaskOptions { NumCpus = 0, Resources = new Dictionary<string, double> { [ThreeNodeCluster.OnlyNode2] = 1 } };
        var onNode3 = new TaskOptions { NumCpus = 0, Resources = new Dictionary<string, double> { [ThreeNodeCluster.OnlyNode3] = 1 } };
        var failures = cluster.Node1.Backend.SystemFailures;
        cluster.Node2.Backend.Objects.LoseNextResults(1);

        var obj = ReconstructionFunctions.Remote.WithOptions(onNode2).LargeObject(Length, 35, "lost-arg-large");
        var next = ReconstructionFunctions.Remote.WithOptions(onNode3).Chain(obj, "lost-arg-chain");

        Assert.Equal(ReconstructionFunctions.Expected(Length, 35, steps: 1), next.Get(Timeout));
        Assert.Equal(2, ReconstructionFunctions.RunsOf("lost-arg-large"));
        Assert.Equal(1, ReconstructionFunctions.RunsOf("lost-arg-chain")); // its first attempt failed before it ran: no argument
        Assert.Equal(failures + 2, cluster.Node1.Backend.SystemFailures); // the argument made again, and the task sent again
        Assert.Equal(cluster.Node2.NodeId, KeptAt(cluster.Node1, obj).Node);
    }

    [Fact]
    public async Task The_large_results_a_node_kept_for_an_owner_that_died_are_dropped()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        var objects3 = cluster.Node3.Backend.Objects;
        var onNode3 = new TaskOptions { NumCpus = 0, Resources = new Dictionary<string, double> { [ThreeNodeCluster.OnlyNode3] = 1 } };
        ObjectReference kept;
        using (cluster.Node2.Runtime.MakeCurrent())
        {
            // Node 2 owns the result; node 3 makes and keeps it.
            var made = ReconstructionFunctions.Remote.WithOptions(onNode3).LargeObject(Length, 36, "orphan");
            kept = KeptAt(cluster.Node2, made);
        }

        Assert.Equal(cluster.Node3.NodeId, kept.Node);
        Assert.True(objects3.Serves(kept.Id));
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDropped(ObjectId which)
        {
            if (which == kept.Id)
            {
                dropped.TrySetResult();
            }
        }

        objects3.ResultDropped += OnDropped;
        try
        {
            await cluster.KillNode2Async();
            await dropped.Task.WaitAsync(Timeout);
            Assert.False(objects3.Serves(kept.Id));
        }
        finally
        {
            objects3.ResultDropped -= OnDropped;
        }
    }

    /// <summary>Waits until <paramref name="owner"/> knows where the result of <paramref name="made"/> is kept, without using it.</summary>
    private static ObjectReference KeptAt(RayNode owner, ObjectRef made)
    {
        var clock = Stopwatch.StartNew();
        ObjectReference kept;
        while (!owner.Backend.Objects.TryLocate(made, out kept))
        {
            Assert.True(clock.Elapsed < Timeout, "the task's result never came back as a reference");
            Thread.Sleep(5);
        }

        return kept;
    }

    /// <summary>Kills the worker <paramref name="node"/> as a crash would, and waits until node 1 knows it died.</summary>
    private static async Task KillAsync(ThreeNodeCluster cluster, string node)
    {
        var index = cluster.Workers.Select(worker => worker.NodeId).ToList().IndexOf(node);
        Assert.True(index >= 0, $"node {node} is not a live worker");
        await cluster.KillWorkerAsync(index);
        var clock = Stopwatch.StartNew();
        while (!cluster.Node1.Backend.HasLeft(node))
        {
            Assert.True(clock.Elapsed < Timeout, $"node 1 never learnt that node {node} died");
            await Task.Delay(20);
        }
    }
}
