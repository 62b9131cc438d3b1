using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RaySharp.CompilerServices;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Tasks across the two nodes of <see cref="TwoNodeCluster"/>: every test submits on node 1 (the driver's node) and
/// asserts where each task ran from the node id the task itself reports.
/// </summary>
public sealed class TaskPlacementTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_task_needing_a_resource_only_node_2_has_runs_there()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();

        var there = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).WhereAmI().Get(Timeout);
        var here = ClusterFunctions.Remote.WhereAmI().Get(Timeout);

        Assert.Equal(cluster.Node2.NodeId, there);
        Assert.Equal(cluster.Node1.NodeId, here);
        Assert.NotEqual(here, there);
    }

    [Fact]
    public void Arguments_and_results_travel_by_value_through_the_generated_formatters()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();

        var sum = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Sum(1, 20, 300).Get(Timeout);
        var record = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).AddOne(new Placed(41, "driver")).Get(Timeout);

        Assert.Equal(new Placed(321, cluster.Node2.NodeId), sum);
        Assert.Equal(new Placed(42, cluster.Node2.NodeId), record);
    }

    [Fact]
    public void Pipelined_tasks_spread_over_both_nodes_when_node_1_is_busy_and_every_result_is_right()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        const int count = 1000;
        ClusterFunctions.Gate = new ManualResetEventSlim(false);
        ClusterFunctions.Started = new CountdownEvent(4);
        var (specsBefore, batchesBefore) = cluster.Node1.Backend.Sent;

        // Four holders take the four CPUs of the cluster: two here, then two on node 2, as node 1's are busy.
        var holders = Enumerable.Range(0, 4).Select(_ => ClusterFunctions.Remote.Hold()).ToList();
        // With every CPU held, the squares queue on the less loaded node, so they split between the two.
        var squares = Enumerable.Range(0, count).Select(i => ClusterFunctions.Remote.Square(i)).ToList();
        Assert.True(ClusterFunctions.Started.Wait(Timeout), $"only {4 - ClusterFunctions.Started.CurrentCount} of 4 holders started");
        ClusterFunctions.Gate.Set();

        var holderNodes = holders.Select(h => h.Get(Timeout)).ToList();
        var results = squares.Select(s => s.Get(Timeout)).ToList();

        Assert.Equal(2, holderNodes.Count(n => n == cluster.Node1.NodeId));
        Assert.Equal(2, holderNodes.Count(n => n == cluster.Node2.NodeId));
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * i), results.Select(r => r.Value));
        var onNode2 = results.Count(r => r.Node == cluster.Node2.NodeId);
        var onNode1 = results.Count(r => r.Node == cluster.Node1.NodeId);
        Assert.Equal(count, onNode1 + onNode2);
        Assert.InRange(onNode2, count / 4, 3 * count / 4);

        // The specs that spilled over travelled in batches: fewer grain calls than specs.
        var (specs, batches) = cluster.Node1.Backend.Sent;
        Assert.Equal(onNode2 + 2, specs - specsBefore);
        Assert.True(batches - batchesBefore < specs - specsBefore, $"{specs - specsBefore} specs took {batches - batchesBefore} grain calls");
    }

    [Fact]
    public void A_ref_produced_on_node_2_is_consumed_on_node_1_and_a_ref_from_node_1_on_node_2()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();

        var produced = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Square(6);
        var consumedHere = ClusterFunctions.Remote.AddOne(produced);
        var put = Ray.Put(new Placed(99, "put"));
        var consumedThere = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).AddOne(put);
        var chainedThere = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).AddOne(consumedHere);

        Assert.Equal(new Placed(36, cluster.Node2.NodeId), produced.Get(Timeout));
        Assert.Equal(new Placed(37, cluster.Node1.NodeId), consumedHere.Get(Timeout));
        Assert.Equal(new Placed(100, cluster.Node2.NodeId), consumedThere.Get(Timeout));
        Assert.Equal(new Placed(38, cluster.Node2.NodeId), chainedThere.Get(Timeout));
    }

    [Fact]
    public void An_exception_on_node_2_fails_the_ref_with_a_RayTaskException_that_describes_it()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();

        var failed = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Fail("boom on node 2");

        var error = Assert.Throws<RayTaskException>(() => failed.Get(Timeout));
        var remote = Assert.IsType<NodeTaskException>(error.InnerException);
        Assert.Equal(typeof(InvalidOperationException).FullName, remote.RemoteType);
        Assert.Equal("boom on node 2", remote.RemoteMessage);
        Assert.Equal(cluster.Node2.NodeId, remote.NodeId);
        Assert.Contains(nameof(ClusterFunctions.Fail), remote.RemoteStackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_argument_fails_the_task_it_would_have_gone_to_node_2_with_without_sending_it()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var (specsBefore, _) = cluster.Node1.Backend.Sent;

        var failed = ClusterFunctions.Remote.Fail("the argument failed");
        Assert.Throws<RayTaskException>(() => failed.Get(Timeout));
        var dependent = ClusterFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).Sum(failed, 1, 2);

        var error = Assert.Throws<RayTaskException>(() => dependent.Get(Timeout));
        Assert.Contains("the argument failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(specsBefore, cluster.Node1.Backend.Sent.Specs);
    }

    [Fact]
    public void A_function_id_the_receiving_node_does_not_know_fails_the_task_naming_the_id_and_the_function()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        // As if node 1 ran a newer build than node 2: the function is not in this process's registry.
        var unknown = RemoteFunction.Unregistered(0x0123456789ABCDEFUL, "Tests.OnlyInANewerBuild", new NeverInvoked(), TaskWire.Of<int>());

        var result = cluster.Node1.Runtime.Submit<int>(new TaskSpec(unknown, TaskArgs.None, TwoNodeCluster.NeedsSpecial));

        var error = Assert.Throws<NodeTaskException>(() => result.Get(Timeout));
        Assert.Equal(cluster.Node2.NodeId, error.NodeId);
        Assert.Contains("0123456789abcdef", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tests.OnlyInANewerBuild", error.Message, StringComparison.Ordinal);
        Assert.Contains("same build", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nowhere", 1, 1)]
    [InlineData(null, 0, 64)]
    [InlineData(TwoNodeCluster.Special, 2, 1)]
    public void A_request_no_node_can_ever_satisfy_fails_at_once_naming_the_largest_node(string? resource, double amount, double cpus)
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var options = new TaskOptions { NumCpus = cpus, Resources = resource is null ? null : new Dictionary<string, double> { [resource] = amount } };

        var result = ClusterFunctions.Remote.WithOptions(options).WhereAmI();

        Assert.True(result.IsReady, "an unschedulable task fails when it is submitted");
        var error = Assert.Throws<TaskUnschedulableException>(() => result.Get(TimeSpan.Zero));
        Assert.True(error.Message.Contains("{CPU: 2, memory: ", StringComparison.Ordinal) && error.Message.Contains(", special: 1}", StringComparison.Ordinal), error.Message);
        Assert.Contains(cluster.Node2.NodeId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_resources_add_up_every_node()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();

        var total = Ray.ClusterResources();

        Assert.Equal(4, total["CPU"]);
        Assert.Equal(1, total[TwoNodeCluster.Special]);
    }

    private sealed class NeverInvoked : IRemoteInvoker
    {
        public System.Threading.Tasks.ValueTask InvokeAsync(RemoteFunction function, TaskArgs args, RemoteInvocation invocation) =>
            throw new InvalidOperationException("the unknown function must never run");
    }
}
