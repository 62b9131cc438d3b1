using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>
/// Ray's python/ray/tests/test_actor_failures.py. A dying worker process is played by
/// <see cref="ActorCrashException"/> thrown from a method, or by <c>Ray.Kill(handle, noRestart: false)</c> for SIGKILL.
/// </summary>
public sealed partial class TestActorFailures
{
    [RayRemote(MaxRetries = 5, RetryExceptions = true)]
    public static int RetryableTask(CountingActor.Handle actor)
    {
        var value = actor.Increase().Get(Bounds.Must);
        return value > 2 ? value : throw new InvalidOperationException("os._exit(0)");
    }

    [RayRemote(Resources = ["actor=1"])]
    public static int Probe() => 0;

    [Fact]
    public void test_actor_restart()
    {
        // Ports test_actor_failures.py::test_actor_restart.
        using var ray = TestRuntime.Start(cpus: 1);
        var actor = RestartableActor.Remote.New();
        var results = new Queue<ObjectRef<int>>(Enumerable.Range(0, 200).Select(i => actor.Increase(i == 100)));

        var i = 1;
        while (results.Count > 0)
        {
            var error = Record.Exception(() =>
            {
                if (results.Peek().Get(Bounds.Must) != i)
                {
                    throw new RestartedWithoutFailure();
                }
            });
            if (error is not null)
            {
                Assert.True(error is ActorDiedException or RestartedWithoutFailure, $"Unexpected {error}");
                break;
            }

            results.Dequeue();
            i++;
        }

        while (results.Count > 0 && Record.Exception(() => results.Peek().Get(Bounds.Must)) is ActorDiedException)
        {
            results.Dequeue();
        }

        if (results.Count > 0)
        {
            i = 1;
            var r = 0;
            while (results.Count > 0)
            {
                r = results.Dequeue().Get(Bounds.Must);
                Assert.Equal(i, r);
                i++;
            }

            Assert.Equal(r + 1, actor.Increase(false).Get(Bounds.Must));
        }
        else
        {
            WaitForCondition(() => Record.Exception(() => actor.Increase(false).Get(Bounds.Must)) is null);
        }

        _ = actor.Increase(true);
        for (var n = 0; n < 100; n++)
        {
            Assert.Throws<ActorDiedException>(() => actor.Increase(false).Get(Bounds.Must));
        }

        actor = RestartableActor.Remote.New();
        _ = actor.Terminate();
        Assert.Throws<ActorDiedException>(() => actor.Increase(false).Get(Bounds.Must));
    }

    [Fact]
    public void test_actor_restart_with_retry()
    {
        // Ports test_actor_failures.py::test_actor_restart_with_retry (SIGKILL is Ray.Kill with noRestart: false).
        // "Kill while the above task is still being executed" is made sure of with a signal the first call waits on.
        using var ray = TestRuntime.Start(cpus: 1);
        var signal = SignalActor.Remote.New();
        var actor = RetryingRestartableActor.Remote.New();
        var refs = Enumerable.Range(0, 100).Select(i => actor.Increase(i == 0 ? signal.Wait() : null)).ToList();
        signal.AwaitWaiters(1);
        Ray.Kill(actor, noRestart: false);
        signal.Send(false);

        var seq = new Queue<int>(Enumerable.Range(1, 100));
        var results = Ray.Get(refs, Bounds.Must);
        int? failedTaskIndex = null;
        for (var i = 0; i < results.Length; i++)
        {
            var expected = seq.Dequeue();
            if (results[i] != expected)
            {
                failedTaskIndex ??= i;
                Assert.Equal(expected, results[i] + failedTaskIndex);
            }
        }

        Assert.Equal(results[^1] + 1, actor.Increase(null).Get(Bounds.Must));

        _ = Enumerable.Range(0, 100).Select(_ => actor.Increase(null)).ToList();
        Ray.Kill(actor, noRestart: false);
        Assert.Throws<ActorDiedException>(() => actor.Increase(null).Get(Bounds.Must));

        actor = RetryingRestartableActor.Remote.New();
        _ = actor.Terminate();
        Assert.Throws<ActorDiedException>(() => actor.Increase(null).Get(Bounds.Must));
    }

    [Fact]
    public void test_actor_restart_without_task()
    {
        // Ports test_actor_failures.py::test_actor_restart_without_task (ray.experimental.set_resource is the
        // runtime's custom resource; SIGKILL is Ray.Kill with noRestart: false).
        using var ray = TestRuntime.Start(1, 0, ("actor", 1));
        var actor = ResourceHoldingActor.Remote.New();
        WaitForCondition(() => !ActorResourceAvailable());
        actor.Ping().Get(Bounds.Must);

        var p = Remote.Probe();
        Ray.Kill(actor, noRestart: false);
        p.Get(Bounds.Must);
        WaitForCondition(() => !ActorResourceAvailable());
    }

    [Fact]
    public void test_caller_actor_restart()
    {
        // Ports test_actor_failures.py::test_caller_actor_restart (kill_actor is Ray.Kill with noRestart: false).
        using var ray = TestRuntime.Start(cpus: 1);
        var remoteActor = CountingActor.Remote.New();
        var actor = ForwardingActor.Remote.New(remoteActor);
        for (var i = 0; i < 3; i++)
        {
            actor.Increase().Get(Bounds.Must);
        }

        Ray.Kill(actor, noRestart: false);
        Assert.Equal(4, actor.Increase().Get(Bounds.Must));
    }

    [Fact]
    public void test_caller_task_reconstruction()
    {
        // Ports test_actor_failures.py::test_caller_task_reconstruction. Differs: a task cannot kill its worker in
        // one process, so it throws and is retried through RetryExceptions; what is checked is that the actor
        // sees each retried call once.
        using var ray = TestRuntime.Start(cpus: 1);
        var remoteActor = CountingActor.Remote.New();
        Assert.Equal(3, Remote.RetryableTask(remoteActor).Get(Bounds.Must));
    }

    /// <summary>Ray's <c>actor_resource_available</c>: can a task that needs the "actor" resource run within 1 s?</summary>
    private static bool ActorResourceAvailable()
    {
        var p = Remote.Probe();
        var ready = Ray.Wait([p], timeout: TimeSpan.FromSeconds(1)).Ready;
        Ray.Cancel(p);
        return ready.Count > 0;
    }

    private static void WaitForCondition(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Bounds.Must, "The condition did not become true in time");
        }
    }

    private sealed class RestartedWithoutFailure : Exception;
}
