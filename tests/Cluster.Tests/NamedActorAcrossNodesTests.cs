using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Named actors resolve cluster-wide (Ray's GCS named-actor table): a name taken on one node is found, reused with
/// GetIfExists, or refused, from the other. Ports test_actor_advanced.py's named-actor cases across two nodes.
/// </summary>
public sealed class NamedActorAcrossNodesTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static ActorOptions Named(string name) => new() { Name = name, Resources = new Dictionary<string, double> { [TwoNodeCluster.Special] = 0.1 } };

    /// <summary>Ray's test_actor_advanced.py::test_detached_actor (another driver finds the actor with ray.get_actor), from the other node.</summary>
    [Fact]
    public void A_named_actor_created_on_node_2_is_found_from_node_1()
    {
        NodeCounter.Handle created;
        using (cluster.Node2.Runtime.MakeCurrent())
        {
            created = NodeCounter.Remote.WithOptions(new ActorOptions { Name = "found-across" }).New(5);
            Assert.Equal(6, created.Add(1).Get(Timeout));
        }

        using (cluster.Node1.Runtime.MakeCurrent())
        {
            var found = Ray.GetActor<NodeCounter.Handle>("found-across");

            Assert.Equal(created.Id, found.Id);
            Assert.Equal(cluster.Node2.NodeId, found.WhereAmI().Get(Timeout));
            Assert.Equal(8, found.Add(2).Get(Timeout));
        }

        using (cluster.Node2.Runtime.MakeCurrent())
        {
            Ray.Kill(created);
        }
    }

    /// <summary>Ray's test_actor_advanced.py::test_get_or_create_actor (get_if_exists returns the existing actor), across nodes.</summary>
    [Fact]
    public void GetIfExists_on_node_1_returns_the_actor_node_2_created_under_that_name()
    {
        NodeCounter.Handle first;
        using (cluster.Node2.Runtime.MakeCurrent())
        {
            first = NodeCounter.Remote.WithOptions(new ActorOptions { Name = "if-exists" }).New(1);
            Assert.Equal(cluster.Node2.NodeId, first.WhereAmI().Get(Timeout));
        }

        using (cluster.Node1.Runtime.MakeCurrent())
        {
            var again = NodeCounter.Remote.WithOptions(new ActorOptions { Name = "if-exists", GetIfExists = true }).New(999);

            Assert.Equal(first.Id, again.Id);
            Assert.Equal(2, again.Add(1).Get(Timeout));
            Ray.Kill(again);
        }
    }

    /// <summary>Ray's test_actor_advanced.py::test_detached_actor (a taken name raises "Please use a different name"), across nodes.</summary>
    [Fact]
    public void A_name_taken_on_node_1_is_refused_on_node_2_naming_the_holder()
    {
        NodeCounter.Handle holder;
        using (cluster.Node1.Runtime.MakeCurrent())
        {
            holder = NodeCounter.Remote.WithOptions(Named("taken")).New(0);
        }

        using (cluster.Node2.Runtime.MakeCurrent())
        {
            var error = Assert.Throws<ArgumentException>(() => NodeCounter.Remote.WithOptions(new ActorOptions { Name = "taken" }).New(0));

            Assert.Contains("'taken' already exists", error.Message, StringComparison.Ordinal);
            Assert.Contains(holder.Id.ToString(), error.Message, StringComparison.Ordinal);
            Assert.Contains("GetIfExists", error.Message, StringComparison.Ordinal);
        }

        using (cluster.Node1.Runtime.MakeCurrent())
        {
            Ray.Kill(holder);
        }
    }

    /// <summary>Ray's test_actor_advanced.py::test_named_but_not_detached (names are reclaimed after actors die), across nodes.</summary>
    [Fact]
    public void A_killed_named_actor_frees_its_name_cluster_wide()
    {
        using (cluster.Node1.Runtime.MakeCurrent())
        {
            var first = NodeCounter.Remote.WithOptions(Named("reused")).New(0);
            Assert.Equal(cluster.Node2.NodeId, first.WhereAmI().Get(Timeout));
            Ray.Kill(first);
            Assert.Throws<ActorDiedException>(() => first.Add(1).Get(Timeout));

            // As Ray's wait_for_condition(check_name_available): the name is freed once the actor's death reaches the directory.
            Assert.True(SpinWait.SpinUntil(() => !NameTaken("reused"), Timeout), "the name was not freed after the kill");
        }

        using (cluster.Node2.Runtime.MakeCurrent())
        {
            var second = NodeCounter.Remote.WithOptions(new ActorOptions { Name = "reused" }).New(50);
            Assert.Equal(51, second.Add(1).Get(Timeout));
            Ray.Kill(second);
        }
    }

    [Fact]
    public void A_named_actor_whose_constructor_argument_failed_is_dead_and_frees_its_name()
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var failed = ClusterFunctions.Remote.Fail("no start value");

        var doomed = NodeCounter.Remote.WithOptions(Named("doomed")).New(failed);

        var died = Assert.Throws<ActorDiedException>(() => doomed.Add(1).Get(Timeout));
        Assert.Contains("no start value", died.InnerException?.Message ?? string.Empty, StringComparison.Ordinal);
        Assert.True(SpinWait.SpinUntil(() => !NameTaken("doomed"), Timeout), "the name of an actor that was never created stayed taken");
    }

    private static bool NameTaken(string name)
    {
        try
        {
            Ray.GetActor<NodeCounter.Handle>(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [Fact]
    public void Get_actor_of_a_name_no_node_has_fails_naming_it_and_a_wrong_class_is_refused()
    {
        using (cluster.Node1.Runtime.MakeCurrent())
        {
            var missing = Assert.Throws<ArgumentException>(() => Ray.GetActor<NodeCounter.Handle>("nobody-has-it"));
            Assert.Contains("nobody-has-it", missing.Message, StringComparison.Ordinal);

            var counter = NodeCounter.Remote.WithOptions(Named("a-counter")).New(0);
            var wrong = Assert.Throws<ArgumentException>(() => Ray.GetActor<Rendezvous.Handle>("a-counter"));
            Assert.Contains(nameof(NodeCounter), wrong.Message, StringComparison.Ordinal);
            Ray.Kill(counter);
        }
    }
}
