using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// <c>Ray.Cancel</c> of calls that node 1 makes on an actor that lives on node 2, as the local runtime cancels actor
/// calls (Ray's <c>test_cancel.py</c> actor cases): a queued call never runs, a running async call sees its token, a
/// running sync call sees <c>IsCancelled</c> and its ref is cancelled, a call still waiting here for its argument never
/// leaves, and a finished call keeps its result.
/// </summary>
public sealed class CancelActorCallsAcrossNodesTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static ActorOptions OnNode2 { get; } = new() { Resources = new Dictionary<string, double> { [TwoNodeCluster.Special] = 0.1 } };

    [Fact]
    public void A_call_queued_behind_a_running_one_on_node_2_never_runs_and_its_ref_is_cancelled()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var actor = CancelTarget.Remote.WithOptions(OnNode2).New();
        var holding = actor.Hold();
        Assert.Equal(cluster.Node2.NodeId, CancelFunctions.Await(CancelFunctions.Started));
        var queued = actor.Count();
        Assert.True(SpinWait.SpinUntil(() => cluster.Node2.Backend.Incoming.Count == 2, Timeout), "the queued call never reached node 2");

        Ray.Cancel(queued);

        Assert.Throws<TaskCancelledException>(() => queued.Get(Timeout));
        CancelFunctions.Gate.Set();
        Assert.Equal(cluster.Node2.NodeId, holding.Get(Timeout));
        Assert.Equal(cluster.Node2.NodeId, actor.Count().Get(Timeout)); // the actor goes on
        Assert.Equal(2, CancelFunctions.Runs); // Hold and the last Count; the cancelled call never ran
    }

    [Fact]
    public void A_running_async_call_on_node_2_sees_its_token_and_its_ref_is_cancelled()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var actor = AsyncCancelTarget.Remote.WithOptions(OnNode2).New();
        var running = actor.WaitForCancelAsync();
        Assert.Equal(cluster.Node2.NodeId, CancelFunctions.Await(CancelFunctions.Started));

        Ray.Cancel(running);

        var error = Assert.Throws<TaskCancelledException>(() => running.Get(Timeout));
        Assert.Contains("WaitForCancelAsync", error.TaskName, StringComparison.Ordinal);
        Assert.Equal(running.Id.Sequence, error.TaskId.Sequence); // named by its id on the caller's node
    }

    [Fact]
    public void A_running_sync_call_on_node_2_sees_IsCancelled_and_its_ref_is_cancelled_even_though_it_returns()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var actor = CancelTarget.Remote.WithOptions(OnNode2).New();
        var running = actor.CheckCancelled();
        Assert.Equal(cluster.Node2.NodeId, CancelFunctions.Await(CancelFunctions.Started));

        Ray.Cancel(running);

        Assert.Throws<TaskCancelledException>(() => running.Get(Timeout));
        Assert.Equal(cluster.Node2.NodeId, actor.Count().Get(Timeout)); // not interrupted: the actor took its next call
    }

    [Fact]
    public void A_call_waiting_here_for_its_argument_is_cancelled_before_it_leaves_for_node_2()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var actor = CancelTarget.Remote.WithOptions(OnNode2).New();
        var signal = CancelFunctions.Remote.Signal();
        Assert.Equal(cluster.Node2.NodeId, actor.Count().Get(Timeout)); // the actor exists on node 2
        var waiting = actor.CountAfter(signal);

        Ray.Cancel(waiting);
        CancelFunctions.Gate.Set();

        Assert.Throws<TaskCancelledException>(() => waiting.Get(Timeout));
        Assert.Equal(1, signal.Get(Timeout));
        Assert.Equal(cluster.Node2.NodeId, actor.Count().Get(Timeout));
        Assert.Equal(2, CancelFunctions.Runs); // the two Count calls; the cancelled one never ran
    }

    [Fact]
    public void Cancelling_a_finished_call_on_node_2_keeps_its_result()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var actor = CancelTarget.Remote.WithOptions(OnNode2).New();
        var done = actor.Count();
        Assert.Equal(cluster.Node2.NodeId, done.Get(Timeout));

        Ray.Cancel(done);

        Assert.Equal(cluster.Node2.NodeId, done.Get(Timeout));
    }
}
