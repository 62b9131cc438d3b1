using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Issue 15's actor case: an actor whose node dies restarts on another node while its <c>MaxRestarts</c> allows, its
/// constructor run again with the same arguments; the calls on their way are sent again while <c>MaxTaskRetries</c>
/// allows, and its name follows it.
/// </summary>
public sealed class ActorRestartTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_actor_with_MaxRestarts_1_restarts_on_the_surviving_worker_and_answers_calls_after_the_restart()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var options = new ActorOptions { Name = "restarting-counter", MaxRestarts = 1, MaxTaskRetries = 1, Resources = new Dictionary<string, double> { [ThreeNodeCluster.Worker] = 1 } };
        var counter = NodeCounter.Remote.WithOptions(options).New(100);
        Assert.Equal(101, counter.Add(1).Get(Timeout));
        var first = counter.WhereAmI().Get(Timeout);
        var workers = cluster.Workers;
        var victim = workers.ToList().FindIndex(w => w.NodeId == first);
        var survivor = workers[1 - victim].NodeId;

        await cluster.KillWorkerAsync(victim);
        // Sent at once: these go to the dead node until membership says it died, then again to the new one.
        var afterKill = counter.Add(10);

        Assert.Equal(110, afterKill.Get(Timeout)); // the constructor ran again with 100: the state is new
        Assert.Equal(survivor, counter.WhereAmI().Get(Timeout));
        Assert.Equal(111, counter.Add(1).Get(Timeout));
        // The name follows the actor.
        Assert.Equal(survivor, Ray.GetActor<NodeCounter.Handle>("restarting-counter").WhereAmI().Get(Timeout));
    }

    [Fact]
    public async Task An_actor_whose_restarts_are_used_up_fails_its_calls_with_ActorDiedException_when_its_node_dies()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var options = new ActorOptions { MaxRestarts = 0, Resources = new Dictionary<string, double> { [ThreeNodeCluster.Worker] = 1 } };
        var counter = NodeCounter.Remote.WithOptions(options).New(0);
        var first = counter.WhereAmI().Get(Timeout);

        await cluster.KillWorkerAsync(cluster.Workers.ToList().FindIndex(w => w.NodeId == first));

        var error = Assert.Throws<ActorDiedException>(() => counter.Add(1).Get(Timeout));
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Ray's test_actor_failures.py::test_actor_restart_on_node_failure: 100 calls on an actor with
    /// <c>MaxRestarts = 1</c> and <c>MaxTaskRetries = -1</c>, its node killed while they run and a new node added;
    /// none fails, they ran in order before and after the restart, and the actor still answers.
    /// </summary>
    [Fact]
    public async Task Test_actor_restart_on_node_failure()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        var options = new ActorOptions { MaxRestarts = 1, MaxTaskRetries = -1, Lifetime = ActorLifetime.Detached, Resources = new Dictionary<string, double> { [ThreeNodeCluster.Worker] = 1 } };
        var actor = NodeCounter.Remote.WithOptions(options).New(0);
        var actorNode = actor.WhereAmI().Get(Timeout);

        var results = Enumerable.Range(0, 100).Select(_ => actor.Add(1)).ToList();
        await cluster.KillWorkerAsync(cluster.Workers.ToList().FindIndex(w => w.NodeId == actorNode));
        await cluster.StartWorkerAsync();

        var values = results.Select(r => r.Get(Timeout)).ToList();
        int? failedIndex = null;
        for (var i = 0; i < values.Count; i++)
        {
            var expected = i + 1;
            if (values[i] != expected)
            {
                failedIndex ??= i;
                Assert.Equal(expected, values[i] + failedIndex);
            }
        }

        var next = actor.Add(1).Get(Timeout);
        Assert.True(next == 1 || next == values[^1] + 1, $"after the restart the actor answered {next}");
    }
}
