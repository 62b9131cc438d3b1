using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// <c>Ray.Cancel</c> of tasks that node 1 placed on node 2, as the local runtime cancels its own: a queued task is
/// removed, a running one sees its token, force fails the ref at once, a recursive cancel reaches the children a task
/// submitted on another node, and a cancel racing with the result ends each ref once.
/// </summary>
public sealed class CancelAcrossNodesTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Many at once on node 2 (a sliver of its <c>special</c> resource, no CPU): only node 2 can run them.</summary>
    public static TaskOptions OnNode2 { get; } = new() { NumCpus = 0, Resources = new Dictionary<string, double> { [TwoNodeCluster.Special] = 0.01 } };

    [Fact]
    public void A_task_queued_on_node_2_is_removed_and_its_ref_fails_with_TaskCancelledException()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var holder = CancelFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).HoldUntilOpened();
        Assert.Equal(cluster.Node2.NodeId, Await(CancelFunctions.Started));
        var queued = CancelFunctions.Remote.WithOptions(new TaskOptions { Name = "Tests.Queued", Resources = TwoNodeCluster.NeedsSpecial.Resources }).CountRun();
        Assert.True(SpinWait.SpinUntil(() => cluster.Node2.Backend.Incoming.Count == 2, Timeout), "the second task never reached node 2");

        Ray.Cancel(queued);

        var error = Assert.Throws<TaskCancelledException>(() => queued.Get(Timeout));
        Assert.Equal("Tests.Queued", error.TaskName);
        CancelFunctions.Gate.Set();
        Assert.Equal(cluster.Node2.NodeId, holder.Get(Timeout));
        Assert.Equal(1, CancelFunctions.Runs); // the holder; the cancelled task never ran
        Assert.True(SpinWait.SpinUntil(() => cluster.Node2.Backend.Incoming.Count == 0, Timeout), "node 2 still lists tasks that ended");
    }

    [Fact]
    public void A_task_waiting_here_for_its_argument_is_cancelled_before_it_leaves_for_node_2()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var signal = CancelFunctions.Remote.Signal();
        var dependent = CancelFunctions.Remote.WithOptions(OnNode2).Fast(signal);

        Ray.Cancel(dependent);
        CancelFunctions.Gate.Set();

        Assert.Throws<TaskCancelledException>(() => dependent.Get(Timeout));
        Assert.Equal(1, signal.Get(Timeout));
    }

    [Fact]
    public void A_running_task_on_node_2_sees_its_token_and_its_ref_is_cancelled()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var running = CancelFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).WaitForCancel();
        Assert.Equal(cluster.Node2.NodeId, Await(CancelFunctions.Started));

        Ray.Cancel(running);

        Assert.Throws<TaskCancelledException>(() => running.Get(Timeout));
        Assert.Equal(cluster.Node2.NodeId, Await(CancelFunctions.SawCancel));
    }

    [Fact]
    public void Cancelling_a_borrowed_ref_on_node_2_cancels_its_task_through_its_owner_node_1()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var running = CancelFunctions.Remote.WithOptions(OnNode2).WaitForCancel(); // node 1 owns it
        Assert.Equal(cluster.Node2.NodeId, Await(CancelFunctions.Started));

        Assert.Equal(cluster.Node2.NodeId, CancelFunctions.Remote.WithOptions(OnNode2).CancelBorrowed(running).Get(Timeout));

        Assert.Throws<TaskCancelledException>(() => running.Get(Timeout));
        Assert.Equal(cluster.Node2.NodeId, Await(CancelFunctions.SawCancel));
    }

    [Fact]
    public void A_running_task_on_node_2_that_returns_anyway_keeps_its_result_and_saw_IsCancelled()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var running = CancelFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).IgnoreCancel();
        Await(CancelFunctions.Started);

        Ray.Cancel(running);
        Assert.Equal(cluster.Node2.NodeId, Await(CancelFunctions.SawCancel));
        CancelFunctions.Gate.Set();

        Assert.True(running.Get(Timeout));
    }

    [Fact]
    public void Force_fails_the_ref_of_a_task_running_on_node_2_at_once_and_its_late_result_is_discarded()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var running = CancelFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).IgnoreCancel();
        Await(CancelFunctions.Started);

        Ray.Cancel(running, force: true);

        // The gate is still closed: the task still runs on node 2, and its ref has failed already.
        Assert.Throws<TaskCancelledException>(() => running.Get(TimeSpan.Zero));
        Assert.Equal(cluster.Node2.NodeId, Await(CancelFunctions.SawCancel));
        CancelFunctions.Gate.Set();
        var after = CancelFunctions.Remote.WithOptions(TwoNodeCluster.NeedsSpecial).CountRun().Get(Timeout); // runs once the task gave node 2 back
        Assert.Equal(cluster.Node2.NodeId, after);
        Assert.Throws<TaskCancelledException>(() => running.Get(Timeout));
    }

    [Fact]
    public void A_recursive_cancel_of_a_task_on_node_2_cancels_the_child_it_submitted_to_node_1()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var parent = CancelFunctions.Remote.WithOptions(FillsNode2).Parent();
        Assert.Equal(cluster.Node2.NodeId, Await(CancelFunctions.Started));
        Assert.Equal(cluster.Node1.NodeId, Await(CancelFunctions.ChildStarted));

        Ray.Cancel(parent);

        Assert.Throws<TaskCancelledException>(() => parent.Get(Timeout));
        Assert.Equal("cancelled", Await(CancelFunctions.ChildEnded));
        Assert.Equal(cluster.Node1.NodeId, Await(CancelFunctions.SawCancel));
    }

    [Fact]
    public void A_cancel_with_recursive_false_leaves_the_child_on_node_1_running()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var parent = CancelFunctions.Remote.WithOptions(FillsNode2).Parent();
        Await(CancelFunctions.Started);
        Assert.Equal(cluster.Node1.NodeId, Await(CancelFunctions.ChildStarted));

        Ray.Cancel(parent, recursive: false);

        Assert.Throws<TaskCancelledException>(() => parent.Get(Timeout));
        CancelFunctions.Gate.Set();
        Assert.Equal("opened", Await(CancelFunctions.ChildEnded));
        Assert.False(CancelFunctions.SawCancel.Task.IsCompleted);
    }

    [Fact]
    public void Cancels_racing_with_completion_on_node_2_end_each_ref_exactly_once()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        const int count = 400;
        var refs = Enumerable.Range(0, count).Select(i => CancelFunctions.Remote.WithOptions(OnNode2).Fast(i)).ToList();
        for (var i = 0; i < count; i += 2)
        {
            Ray.Cancel(refs[i]); // some still here, some on their way, some running, some done
        }

        for (var i = 0; i < count; i++)
        {
            var first = Outcome(refs[i]);
            Assert.Equal(first, Outcome(refs[i])); // ended once: a second read sees the same end
            if (first == "cancelled")
            {
                Assert.True(i % 2 == 0, $"task {i} was never cancelled, yet its ref was");
            }
            else
            {
                Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), first);
            }
        }

        Assert.True(SpinWait.SpinUntil(() => cluster.Node2.Backend.Incoming.Count == 0, Timeout), "node 2 still lists tasks that ended");

        static string Outcome(ObjectRef<int> reference)
        {
            try
            {
                return reference.Get(Timeout).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (TaskCancelledException)
            {
                return "cancelled";
            }
        }
    }

    /// <summary>Every CPU of node 2 (and a sliver of its <c>special</c>), so what the task submits goes to node 1.</summary>
    private static TaskOptions FillsNode2 { get; } = new() { NumCpus = 2, Resources = OnNode2.Resources };

    private static string Await(System.Threading.Tasks.TaskCompletionSource<string> signal) => CancelFunctions.Await(signal);
}
