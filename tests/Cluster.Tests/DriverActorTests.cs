using System;
using System.Collections.Generic;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>A driver (no CPUs) hosts no actor: the actors it creates live on the nodes, and it reaches named ones anywhere.</summary>
public sealed class DriverActorTests(TcpCluster cluster) : IClassFixture<TcpCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_driver_creates_actors_on_the_nodes_and_calls_them_in_order()
    {
        Ray.Init(new RayOptions { Address = $"127.0.0.1:{cluster.GatewayPort}" });
        try
        {
            var anywhere = NodeCounter.Remote.New(0);
            var special = NodeCounter.Remote.WithOptions(new ActorOptions { Resources = new Dictionary<string, double> { [TwoNodeCluster.Special] = 0.1 } }).New(0);

            Assert.Contains(anywhere.WhereAmI().Get(Timeout), new[] { cluster.Node1.NodeId, cluster.Node2.NodeId });
            Assert.Equal(cluster.Node2.NodeId, special.WhereAmI().Get(Timeout));
            var calls = new List<ObjectRef<int>>();
            for (var i = 0; i < 50; i++)
            {
                calls.Add(special.Record(i));
            }

            Assert.Equal(50, calls.ConvertAll(c => c.Get(Timeout)).Count);
            Assert.Equal(System.Linq.Enumerable.Range(0, 50), special.Seen().Get(Timeout));
            Assert.Equal(3, ActorTasks.Remote.AddThrough(anywhere, 3).Get(Timeout).Value);
            Ray.Kill(special);
            Assert.Throws<ActorDiedException>(() => special.Add(1).Get(Timeout));
            Ray.Kill(anywhere);
        }
        finally
        {
            Ray.Shutdown();
        }
    }

    [Fact]
    public void A_named_actor_created_on_a_node_is_found_from_the_driver()
    {
        NodeCounter.Handle created;
        using (cluster.Node2.Runtime.MakeCurrent())
        {
            created = NodeCounter.Remote.WithOptions(new ActorOptions { Name = "seen-by-driver", Namespace = "shared" }).New(20);
            Assert.Equal(cluster.Node2.NodeId, created.WhereAmI().Get(Timeout));
        }

        Ray.Init(new RayOptions { Address = $"127.0.0.1:{cluster.GatewayPort}" });
        try
        {
            var found = Ray.GetActor<NodeCounter.Handle>("seen-by-driver", "shared");

            Assert.Equal(created.Id, found.Id);
            Assert.Equal(21, found.Add(1).Get(Timeout));
            Ray.Kill(found);
        }
        finally
        {
            Ray.Shutdown();
        }
    }
}
