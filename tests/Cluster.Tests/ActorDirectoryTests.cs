using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using RaySharp.Cluster.Actors;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Issue 15's moving actors: a handle on a third node follows an actor its creator restarted elsewhere (the actor
/// directory), and a name held by a silo that died is registered again by the node hosting its actor.
/// </summary>
public sealed class ActorDirectoryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_stale_handle_on_a_third_node_reaches_the_actor_after_its_creator_restarted_it_elsewhere()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        await cluster.StartWorkerAsync(); // three workers: the actor's, the handle's, and one more
        ActorTasks.Gate = new ManualResetEventSlim(false);
        try
        {
            NodeCounter.Handle counter;
            string first;
            using (cluster.Node1.Runtime.MakeCurrent())
            {
                var options = new ActorOptions { Name = "followed-counter", MaxRestarts = 1, MaxTaskRetries = 1, Resources = new Dictionary<string, double> { [ThreeNodeCluster.Worker] = 1 } };
                counter = NodeCounter.Remote.WithOptions(options).New(100);
                first = counter.WhereAmI().Get(Timeout);
            }

            var workers = cluster.Workers;
            var victim = workers.ToList().FindIndex(w => w.NodeId == first);
            var holder = workers.First(w => w.NodeId != first);
            NodeCounter.Handle stale;
            ObjectRef<bool> inFlight;
            using (holder.Runtime.MakeCurrent())
            {
                stale = Ray.GetActor<NodeCounter.Handle>("followed-counter");
                Assert.Equal(first, stale.WhereAmI().Get(Timeout));
                inFlight = stale.WaitForGate(); // on its way or running when the node dies: sent again (MaxTaskRetries = 1)
            }

            await cluster.KillWorkerAsync(victim);
            ActorTasks.Gate.Set();

            using (holder.Runtime.MakeCurrent())
            {
                Assert.True(inFlight.Get(Timeout));
                var moved = stale.WhereAmI().Get(Timeout);
                Assert.NotEqual(first, moved);
                Assert.Equal(101, stale.Add(1).Get(Timeout)); // the constructor ran again with 100
            }

            using (cluster.Node1.Runtime.MakeCurrent())
            {
                Assert.Equal(102, counter.Add(1).Get(Timeout)); // the creator's handle reaches the same actor
            }
        }
        finally
        {
            ActorTasks.Gate.Set();
        }
    }

    [Fact]
    public async Task A_named_actor_stays_resolvable_after_the_silo_holding_its_name_grain_died()
    {
        const string Namespace = "directory-tests";
        await using var cluster = await ThreeNodeCluster.StartAsync();

        // A name whose grain Orleans activated on a worker (each name has its own grain, placed where Orleans likes).
        var workers = cluster.Workers;
        var grains = cluster.Node1Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        string? name = null;
        var victim = -1;
        for (var i = 0; i < 1_000 && name is null; i++)
        {
            var nameGrain = grains.GetGrain<IActorNameGrain>(ActorNames.Key(Namespace, $"kept-{i}"));
            Assert.Null(await nameGrain.Lookup());
            var silo = (await management.GetActivationAddress(nameGrain))?.ToParsableString();
            victim = workers.ToList().FindIndex(worker => worker.NodeId == silo);
            name = victim >= 0 ? $"kept-{i}" : null;
        }

        Assert.True(name is not null, "no name grain was activated on a worker in 1,000 tries");
        var survivor = workers[1 - victim];

        NodeCounter.Handle counter;
        using (cluster.Node1.Runtime.MakeCurrent())
        {
            counter = NodeCounter.Remote.WithOptions(new ActorOptions { Name = name, Namespace = Namespace }).New(7); // lives on node 1
            Assert.Equal(cluster.Node1.NodeId, counter.WhereAmI().Get(Timeout));
        }

        var renamings = cluster.Node1.Backend.Renamings;
        await cluster.KillWorkerAsync(victim);
        Assert.True(SpinWait.SpinUntil(() => cluster.Node1.Backend.Renamings > renamings, Timeout), "node 1 did not register its names again after the worker died");

        using (survivor.Runtime.MakeCurrent())
        {
            var found = Ray.GetActor<NodeCounter.Handle>(name!, Namespace);
            Assert.Equal(cluster.Node1.NodeId, found.WhereAmI().Get(Timeout));
            Assert.Equal(8, found.Add(1).Get(Timeout));
        }

        GC.KeepAlive(counter);
    }
}
