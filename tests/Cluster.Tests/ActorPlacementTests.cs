using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Actors across the two nodes of <see cref="TwoNodeCluster"/>: placement by the actor's own resources, handles that
/// travel, per-caller order, errors and kills, each asserted from the node id the actor itself reports. Ports the
/// cross-node cases of Ray's test_actor.py, test_actor_advanced.py and test_multi_node*.py.
/// </summary>
public sealed class ActorPlacementTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A share of the resource only node 2 has: actors hold theirs while they live, so tasks and several actors must fit beside them.</summary>
    private static Dictionary<string, double> SomeSpecial => new() { [TwoNodeCluster.Special] = 0.1 };

    private static ActorOptions NeedsSpecial => new() { Resources = SomeSpecial };

    private static TaskOptions OnNode2 => new() { Resources = SomeSpecial };

    [Fact]
    public void An_actor_needing_a_resource_only_node_2_has_lives_there_and_answers_calls_from_node_1()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();

        var there = NodeCounter.Remote.WithOptions(NeedsSpecial).New(10);
        var here = NodeCounter.Remote.New(0);

        Assert.Equal(cluster.Node2.NodeId, there.WhereAmI().Get(Timeout));
        Assert.Equal(cluster.Node1.NodeId, here.WhereAmI().Get(Timeout));
        var totals = Enumerable.Range(1, 100).Select(i => there.Add(1)).ToList();
        Assert.Equal(Enumerable.Range(11, 100), totals.Select(t => t.Get(Timeout)));
        var (messages, batches) = cluster.Node1.Backend.ClusterActors.Sent;
        Assert.True(batches < messages, $"{messages} actor messages went in {batches} grain calls: they should batch");
        Ray.Kill(there);
    }

    [Fact]
    public void A_large_argument_to_an_actor_on_node_2_travels_by_reference_and_is_pulled_once()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var there = NodeCounter.Remote.WithOptions(NeedsSpecial).New(0);
        var data = ObjectFunctions.Bytes(2 * 1024 * 1024, seed: 21);
        var pulls = cluster.Node2.Backend.Objects.Pulls;
        var shared = Ray.Put(data);

        var first = there.Summarize(shared).Get(Timeout);
        var second = there.Summarize(shared).Get(Timeout);

        Assert.Equal(new Digest(Digest.SumOf(data), data.Length, cluster.Node2.NodeId), first);
        Assert.Equal(first, second);
        Assert.Equal(pulls + 1, cluster.Node2.Backend.Objects.Pulls); // one copy on node 2 for both calls
        Ray.Kill(there);
    }

    /// <summary>An actor without special needs stays on the node that creates it while that node has room (Ray's hybrid policy).</summary>
    [Fact]
    public void An_actor_node_2_creates_without_the_special_resource_stays_on_node_2()
    {
        using var _ = cluster.Node2.Runtime.MakeCurrent();

        var counter = NodeCounter.Remote.New(1);

        Assert.Equal(cluster.Node2.NodeId, counter.WhereAmI().Get(Timeout));
        Ray.Kill(counter);
    }

    /// <summary>Ray's test_actor_advanced.py::test_fork (a handle passed to a task calls the actor), with the task on the other node.</summary>
    [Fact]
    public void A_handle_passed_to_a_task_on_node_2_calls_the_actor_on_node_1()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var counter = NodeCounter.Remote.New(100);

        var result = ActorTasks.Remote.WithOptions(OnNode2).AddThrough(counter, 5).Get(Timeout);

        Assert.Equal(new Placed(105, cluster.Node2.NodeId), result);
        Assert.Equal(106, counter.Add(1).Get(Timeout));
        Assert.Equal(cluster.Node1.NodeId, counter.WhereAmI().Get(Timeout));
        Ray.Kill(counter);
    }

    [Fact]
    public void Handles_stored_in_a_list_travel_to_node_2_and_reach_actors_on_both_nodes()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var onNode1 = NodeCounter.Remote.New(0);
        var onNode2 = NodeCounter.Remote.WithOptions(NeedsSpecial).New(1000);

        var totals = ActorTasks.Remote.WithOptions(OnNode2).AddThroughAll([onNode1, onNode2], 7).Get(Timeout);

        Assert.Equal([7, 1007], totals);
        Assert.Equal(cluster.Node2.NodeId, onNode2.WhereAmI().Get(Timeout));
        Ray.Kill(onNode1);
        Ray.Kill(onNode2);
    }

    /// <summary>Ray's test_actor_advanced.py::test_calling_put_on_actor_handle (a task returns a handle it created), across nodes.</summary>
    [Fact]
    public void A_handle_returned_from_a_task_on_node_1_reaches_the_actor_that_task_created_on_node_2()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();

        var counter = ActorTasks.Remote.NewCounterOnNode2(40).Get(Timeout);

        Assert.Equal(cluster.Node2.NodeId, counter.WhereAmI().Get(Timeout));
        Assert.Equal(42, counter.Add(2).Get(Timeout));
        Ray.Kill(counter);
    }

    /// <summary>
    /// Ray's actor task execution order (calls from one submitter run in submission order), with the first call's
    /// argument a ref that is not ready: the later calls, whose arguments are values, must not overtake it.
    /// </summary>
    [Fact]
    public void Calls_from_one_caller_run_in_order_on_node_2_even_when_the_first_waits_for_a_slow_ref()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        ActorTasks.Gate = new ManualResetEventSlim(false);
        var counter = NodeCounter.Remote.WithOptions(NeedsSpecial).New(0);
        Assert.Equal(cluster.Node2.NodeId, counter.WhereAmI().Get(Timeout));

        var slow = ActorTasks.Remote.SlowValue(0);
        var calls = new List<ObjectRef<int>> { counter.Record(slow) };
        calls.AddRange(Enumerable.Range(1, 20).Select(i => counter.Record(i)));
        ActorTasks.Gate.Set();

        Assert.Equal(Enumerable.Range(0, 21), calls.Select(c => c.Get(Timeout)));
        Assert.Equal(Enumerable.Range(0, 21), counter.Seen().Get(Timeout));
        Ray.Kill(counter);
    }

    /// <summary>
    /// Ray's test_actor_advanced.py::test_fork_consistency across nodes: forks on both nodes and the caller itself
    /// enqueue through their own handles to a queue actor on node 2; each caller's items arrive in its order.
    /// </summary>
    [Fact]
    public void Test_fork_consistency_each_caller_on_either_node_keeps_its_order_on_the_actor()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        const int forks = 6;
        const int itemsPerFork = 100;
        var log = KeyedLog.Remote.WithOptions(NeedsSpecial).New();

        var forked = Enumerable.Range(0, forks)
            .Select(key => key % 2 == 0 ? ActorTasks.Remote.WithOptions(OnNode2).Fork(log, key, itemsPerFork) : ActorTasks.Remote.Fork(log, key, itemsPerFork))
            .ToList();
        var local = Enumerable.Range(0, itemsPerFork).Select(item => log.Enqueue(forks, item)).ToList();

        Assert.All(forked, f => Assert.Equal(itemsPerFork - 1, f.Get(Timeout)));
        Assert.Equal(itemsPerFork - 1, local[^1].Get(Timeout));
        var items = log.Read().Get(Timeout);
        for (var key = 0; key <= forks; key++)
        {
            Assert.Equal(Enumerable.Range(0, itemsPerFork), items.Where(i => i.Key == key).Select(i => i.Item));
        }

        Ray.Kill(log);
    }

    /// <summary>Ray's test_actor_advanced.py::test_actor_creation_task_crash across nodes: a constructor that throws on node 2 fails the calls, naming the actor.</summary>
    [Fact]
    public void A_constructor_that_throws_on_node_2_fails_every_call_with_ActorDiedException_naming_the_actor()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var broken = BrokenConstructor.Remote.WithOptions(NeedsSpecial).New("no state for you");

        var died = Assert.Throws<ActorDiedException>(() => broken.Ping().Get(Timeout));

        Assert.Equal(broken.Id, died.ActorId);
        Assert.Contains("no state for you", died.InnerException?.Message ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void An_async_actor_on_node_2_answers_its_async_methods()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var echo = AsyncEcho.Remote.WithOptions(NeedsSpecial).New();

        var answers = Enumerable.Range(0, 10).Select(i => echo.EchoAsync("call " + i)).ToList();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => "call " + i + "@" + cluster.Node2.NodeId), answers.Select(a => a.Get(Timeout)));
        Ray.Kill(echo);
    }

    [Fact]
    public void Bad_options_of_an_actor_placed_on_node_2_throw_at_creation_as_in_one_process()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();

        var group = Assert.Throws<ArgumentException>(() => NodeCounter.Remote
            .WithOptions(new ActorOptions { Resources = SomeSpecial, ConcurrencyGroups = new Dictionary<string, int> { ["io"] = 0 } }).New(0));
        var concurrency = Assert.Throws<ArgumentException>(() => NodeCounter.Remote.WithOptions(new ActorOptions { Resources = SomeSpecial, MaxConcurrency = 0 }).New(0));

        Assert.Contains("'io'", group.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrency", concurrency.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxConcurrency_holds_on_the_node_that_hosts_the_actor()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var rendezvous = Rendezvous.Remote.WithOptions(NeedsSpecial).New();

        var first = rendezvous.Meet();
        var second = rendezvous.Meet();

        Assert.True(first.Get(Timeout));
        Assert.True(second.Get(Timeout));
        Ray.Kill(rendezvous);
    }

    [Fact]
    public void A_per_call_concurrency_group_travels_to_the_node_that_hosts_the_actor()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var latch = Latch.Remote.WithOptions(NeedsSpecial).New();

        var blocked = latch.WithOptions(new TaskOptions { ConcurrencyGroup = "io" }).Block();
        var opened = latch.Open();

        opened.Get(Timeout);
        Assert.True(blocked.Get(Timeout), "Block ran in the default group, so Open could only run after it timed out");
        Ray.Kill(latch);
    }

    /// <summary>An exception in a method fails its ref as a task's does (Ray's RayTaskError), across nodes.</summary>
    [Fact]
    public void An_exception_in_a_method_on_node_2_fails_the_ref_with_RayTaskException_and_the_actor_lives_on()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var counter = NodeCounter.Remote.WithOptions(NeedsSpecial).New(0);

        var error = Assert.Throws<RayTaskException>(() => counter.Fail("boom on node 2").Get(Timeout));

        var remote = Assert.IsType<NodeTaskException>(error.InnerException);
        Assert.Equal(typeof(InvalidOperationException).FullName, remote.RemoteType);
        Assert.Contains("boom on node 2", remote.Message, StringComparison.Ordinal);
        Assert.Equal(cluster.Node2.NodeId, remote.NodeId);
        Assert.Equal(3, counter.Add(3).Get(Timeout));
        Ray.Kill(counter);
    }

    /// <summary>ray.kill fails the actor's later calls with RayActorError (test_actor_advanced.py::test_exception_raised_when_actor_node_dies asserts the same error), across nodes.</summary>
    [Fact]
    public void Ray_Kill_of_an_actor_on_node_2_fails_its_later_calls_with_ActorDiedException_naming_it()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var counter = NodeCounter.Remote.WithOptions(NeedsSpecial).New(0);
        Assert.Equal(1, counter.Add(1).Get(Timeout));

        Ray.Kill(counter);

        var died = Assert.Throws<ActorDiedException>(() => counter.Add(1).Get(Timeout));
        Assert.Equal(counter.Id, died.ActorId);
        Assert.Equal(nameof(NodeCounter), died.ClassName);
        Assert.Contains(cluster.Node2.NodeId, died.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kill_from_node_2_of_an_actor_node_1_created_there_reaches_it()
    {
        NodeCounter.Handle counter;
        using (cluster.Node1.Runtime.MakeCurrent())
        {
            counter = NodeCounter.Remote.WithOptions(new ActorOptions { Name = "killed-from-node-2", Resources = NeedsSpecial.Resources }).New(0);
            Assert.Equal(cluster.Node2.NodeId, counter.WhereAmI().Get(Timeout));
        }

        using (cluster.Node2.Runtime.MakeCurrent())
        {
            Ray.Kill(Ray.GetActor<NodeCounter.Handle>("killed-from-node-2"));
        }

        using (cluster.Node1.Runtime.MakeCurrent())
        {
            Assert.Throws<ActorDiedException>(() => counter.Add(1).Get(Timeout));
        }
    }
}
