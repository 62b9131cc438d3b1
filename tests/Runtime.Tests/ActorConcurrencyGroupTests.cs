using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// Concurrency groups (Ray's <c>concurrency_groups</c>): each group has its own limit and queue, groups never wait for
/// each other, and the life cycle (kill, restart, exit, collection) covers calls of every group.
/// </summary>
public sealed class ActorConcurrencyGroupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static ActorOptions Groups(params (string Name, int Limit)[] groups) =>
        new() { ConcurrencyGroups = groups.ToDictionary(g => g.Name, g => g.Limit) };

    [Fact]
    public void A_blocked_group_does_not_hold_up_other_groups()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        using var ioStarted = new Gate();
        var actor = ProbeHandle.New(new ProbeLog(), Groups(("io", 1), ("compute", 1)));

        var blocked = actor.RunIn("io", (_, ct) =>
        {
            ioStarted.Open();
            return gate.Pass(ct);
        });
        var queuedBehind = actor.RunIn("io", (_, _) => 2);
        ioStarted.Pass();

        Assert.Equal(7, actor.RunIn("compute", (_, _) => 7).Get(Patience));
        Assert.Equal(8, actor.RunIn(null, (_, _) => 8).Get(Patience));
        Assert.False(queuedBehind.IsReady);

        gate.Open();
        Assert.True(blocked.Get(Patience));
        Assert.Equal(2, queuedBehind.Get(Patience));
    }

    [Fact]
    public void A_call_waiting_for_its_arguments_holds_up_no_call_of_its_group()
    {
        // Groups exist only on async and threaded actors, which promise no order (Ray's task-orders page).
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var actor = ProbeHandle.New(new ProbeLog(), Groups(("io", 1)));
        var pendingBody = Fn.Of<ProbeCall>(ct =>
        {
            gate.Pass(ct);
            return new ProbeCall<int>((_, _) => 3);
        }).Remote();

        var waiting = actor.RunWhenReady<int>("io", pendingBody);

        Assert.Equal(1, actor.RunIn("io", (_, _) => 1).Get(Patience));
        Assert.Equal(2, actor.RunIn(null, (_, _) => 2).Get(Patience));
        gate.Open();
        Assert.Equal(3, waiting.Get(Patience));
    }

    [Fact]
    public void Each_group_reaches_but_never_exceeds_its_limit()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var actor = ProbeHandle.New(new ProbeLog(), Groups(("a", 2), ("b", 3)));
        var limits = new Dictionary<string, int> { ["a"] = 2, ["b"] = 3, ["default"] = 1 };
        var inside = new ConcurrentDictionary<string, int>();
        var most = new ConcurrentDictionary<string, int>();

        var calls = new List<ObjectRef<bool>>();
        for (var i = 0; i < 8; i++)
        {
            foreach (var name in limits.Keys)
            {
                var key = name;
                calls.Add(actor.RunIn(key == "default" ? null : key, (_, ct) =>
                {
                    var now = inside.AddOrUpdate(key, 1, (_, n) => n + 1);
                    most.AddOrUpdate(key, now, (_, m) => Math.Max(m, now));
                    var passed = gate.Pass(ct);
                    inside.AddOrUpdate(key, 0, (_, n) => n - 1);
                    return passed;
                }));
            }
        }

        // Every group fills up at the same time: none waits for another.
        Assert.True(SpinWait.SpinUntil(() => limits.All(l => inside.GetValueOrDefault(l.Key) == l.Value), Patience));
        gate.Open();

        Assert.All(Ray.Get(calls, Patience), Assert.True);
        foreach (var (name, limit) in limits)
        {
            Assert.Equal(limit, most[name]);
        }
    }

    [Fact]
    public void Calls_of_a_group_with_limit_one_run_in_submission_order()
    {
        using var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(new ProbeLog(), Groups(("io", 1), ("compute", 2)));
        var defaultOrder = new ConcurrentQueue<int>();
        var ioOrder = new ConcurrentQueue<int>();

        var calls = new List<ObjectRef<int>>();
        for (var i = 0; i < 50; i++)
        {
            var n = i;
            calls.Add(actor.RunIn(null, (_, _) =>
            {
                defaultOrder.Enqueue(n);
                return n;
            }));
            calls.Add(actor.RunIn("io", (_, _) =>
            {
                ioOrder.Enqueue(n);
                return n;
            }));
            calls.Add(actor.RunIn("compute", (_, _) => n));
        }

        Ray.Get(calls, Patience);
        Assert.Equal(Enumerable.Range(0, 50), defaultOrder);
        Assert.Equal(Enumerable.Range(0, 50), ioOrder);
    }

    [Fact]
    public async Task An_async_actor_limits_each_group_and_runs_its_calls_one_turn_at_a_time()
    {
        using var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(new ProbeLog(), Groups(("io", 1)), async: true);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ioStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ioInFlight = 0;
        var ioMost = 0;
        var ioTurns = 0;
        var defaultTurns = 0;
        var overlapped = false;

        var io = Enumerable.Range(0, 3).Select(_ => actor.RunAsyncIn("io", async (_, _) =>
        {
            var now = Interlocked.Increment(ref ioInFlight);
            InterlockedMax(ref ioMost, now);
            overlapped |= Interlocked.Increment(ref ioTurns) > 1;
            Interlocked.Decrement(ref ioTurns);
            ioStarted.TrySetResult();
            var result = await release.Task;
            Interlocked.Decrement(ref ioInFlight);
            return result;
        })).ToList();

        // The default group (limit 1000 on an async actor) is not held up by the waiting io call, and its calls
        // interleave only at awaits: two of them never run at the same moment.
        var others = Enumerable.Range(0, 10).Select(i => actor.RunAsync(async (_, _) =>
        {
            overlapped |= Interlocked.Increment(ref defaultTurns) > 1;
            Thread.Yield();
            Interlocked.Decrement(ref defaultTurns);
            await Task.Yield();
            overlapped |= Interlocked.Increment(ref defaultTurns) > 1;
            Interlocked.Decrement(ref defaultTurns);
            return i;
        })).ToList();
        Assert.Equal(Enumerable.Range(0, 10), await Ray.GetAsync(others).WaitAsync(Patience));

        // The first io call may start after the default group's calls ended; it then waits, and holds its group.
        await ioStarted.Task.WaitAsync(Patience);
        Assert.Equal(1, Volatile.Read(ref ioInFlight));

        release.SetResult(true);
        Assert.All(await Ray.GetAsync(io).WaitAsync(Patience), Assert.True);
        Assert.Equal(1, ioMost);
        Assert.False(overlapped);
    }

    [Theory]
    [InlineData("io", "compute")]
    [InlineData(null, "io")]
    [InlineData("io", null)]
    public void In_an_async_actor_a_call_blocking_its_thread_holds_up_only_its_group(string? blockedGroup, string? otherGroup)
    {
        // Ray runs each concurrency group of an async actor on its own event loop: a call that blocks its thread
        // (a sync wait inside an async method) stops only its group's turns.
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        using var started = new Gate();
        var actor = ProbeHandle.New(new ProbeLog(), Groups(("io", 1), ("compute", 1)), async: true);

        var blocked = actor.RunAsyncIn(blockedGroup, async (_, ct) =>
        {
            started.Open();
            var passed = gate.Pass(ct);
            await Task.Yield();
            return passed;
        });
        var sameGroup = actor.RunAsyncIn(blockedGroup, async (_, _) =>
        {
            await Task.Yield();
            return 2;
        });
        started.Pass();

        Assert.Equal(7, actor.RunIn(otherGroup, (_, _) => 7).Get(Patience));
        Assert.Equal(8, actor.RunAsyncIn(otherGroup, async (_, _) =>
        {
            await Task.Yield();
            return 8;
        }).Get(Patience));
        Assert.False(sameGroup.IsReady);

        gate.Open();
        Assert.True(blocked.Get(Patience));
        Assert.Equal(2, sameGroup.Get(Patience));
    }

    [Fact]
    public void Kill_fails_running_and_queued_calls_of_every_group()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var started = new CountdownEvent(2);
        var actor = ProbeHandle.New(new ProbeLog(), Groups(("io", 1)));

        var runningIo = actor.RunIn("io", (_, ct) =>
        {
            started.Signal();
            return gate.Pass(ct);
        });
        var runningDefault = actor.RunIn(null, (_, ct) =>
        {
            started.Signal();
            return gate.Pass(ct);
        });
        var queuedIo = actor.RunIn("io", (_, _) => true);
        var queuedDefault = actor.RunIn(null, (_, _) => true);
        Assert.True(started.Wait(Patience));

        Ray.Kill(actor);

        foreach (var call in new[] { runningIo, runningDefault, queuedIo, queuedDefault })
        {
            Assert.Throws<ActorDiedException>(() => call.Get(Patience));
        }

        Assert.Throws<ActorDiedException>(() => actor.RunIn("io", (_, _) => 1).Get(Patience));
        gate.Open();
    }

    [Fact]
    public void A_restarted_actor_keeps_its_groups_and_retries_interrupted_calls_in_their_group()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        using var firstStarted = new Gate();
        var actor = ProbeHandle.New(new ProbeLog(), new ActorOptions
        {
            MaxRestarts = 1,
            MaxTaskRetries = 1,
            ConcurrencyGroups = new Dictionary<string, int> { ["io"] = 1 },
        });

        var interrupted = actor.RunIn("io", (p, ct) =>
        {
            if (p.Incarnation == 1)
            {
                firstStarted.Open();
                ct.WaitHandle.WaitOne(Patience);
                return -1;
            }

            // On the new instance: block the io group to show it is still limited and separate.
            gate.Pass(ct);
            return p.Incarnation;
        });
        var queuedIo = actor.RunIn("io", (p, _) => p.Incarnation * 10);
        firstStarted.Pass();

        Ray.Kill(actor, noRestart: false);

        Assert.Equal(2, actor.RunIn(null, (p, _) => p.Incarnation).Get(Patience));
        Assert.False(interrupted.IsReady);
        Assert.False(queuedIo.IsReady);
        gate.Open();
        Assert.Equal(2, interrupted.Get(Patience));
        Assert.Equal(20, queuedIo.Get(Patience));
    }

    [Fact]
    public void ExitActor_in_one_group_fails_the_calls_queued_in_others()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        using var blockedStarted = new Gate();
        var log = new ProbeLog();
        var actor = ProbeHandle.New(log, Groups(("io", 1)));

        var blocked = actor.RunIn(null, (_, ct) =>
        {
            blockedStarted.Open();
            return gate.Pass(ct);
        });
        var queuedDefault = actor.RunIn(null, (_, _) => true);
        blockedStarted.Pass();
        var exiting = actor.RunIn<bool>("io", (_, _) =>
        {
            Ray.ExitActor();
            return false;
        });

        Assert.Throws<ActorDiedException>(() => exiting.Get(Patience));
        Assert.Contains("ExitActor", Assert.Throws<ActorDiedException>(() => queuedDefault.Get(Patience)).Message);
        Assert.Throws<ActorDiedException>(() => blocked.Get(Patience));
        gate.Open();
        Assert.True(SpinWait.SpinUntil(() => log.Disposed == 1, Patience));
    }

    [Fact]
    public void An_unknown_group_fails_the_call_when_it_is_submitted()
    {
        using var ray = TestRuntime.Start();
        var grouped = ProbeHandle.New(new ProbeLog(), Groups(("io", 1), ("compute", 2)));
        var plain = ProbeHandle.New(new ProbeLog());

        var error = Assert.Throws<ArgumentException>(() => grouped.RunIn("disk", (_, _) => 1));
        Assert.Contains("'disk'", error.Message);
        Assert.Contains("'compute', 'io'", error.Message);
        Assert.Contains("declares none", Assert.Throws<ArgumentException>(() => plain.RunIn("io", (_, _) => 1)).Message);

        // The actor is unharmed.
        Assert.Equal(1, grouped.RunIn("io", (_, _) => 1).Get(Patience));
        Assert.Equal(2, plain.RunIn(null, (_, _) => 2).Get(Patience));
    }

    [Fact]
    public void A_task_naming_a_group_fails_when_submitted()
    {
        using var ray = TestRuntime.Start();
        var declared = Fn.Of(_ => 1, new TaskOptions { ConcurrencyGroup = "io" });
        var plain = Fn.Of(_ => 2);

        Assert.Contains("only actor calls", Assert.Throws<ArgumentException>(() => declared.Remote()).Message);
        Assert.Throws<ArgumentException>(() => plain.Remote(new TaskOptions { ConcurrencyGroup = "io" }));
        Assert.Equal(2, plain.Remote().Get(Patience));
    }

    [Theory]
    [InlineData("io", 0)]
    [InlineData("", 1)]
    public void Creating_an_actor_with_a_bad_group_fails(string name, int limit)
    {
        using var ray = TestRuntime.Start();

        var error = Assert.Throws<ArgumentException>(() => ProbeHandle.New(new ProbeLog(), Groups((name, limit))));
        Assert.Contains("concurrency group", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_actor_with_groups_and_no_handle_left_is_disposed()
    {
        using var ray = TestRuntime.Start();
        var log = new ProbeLog();
        CreateUseAndDrop(log);

        Assert.True(Collect.Until(() => log.Disposed > 0, Patience), "the actor was never disposed");
        Assert.Equal(1, log.Disposed);
    }

    [Fact]
    public void Shutdown_fails_calls_queued_in_every_group()
    {
        var ray = TestRuntime.Start();
        using var gate = new Gate();
        using var started = new Gate();
        var actor = ProbeHandle.New(new ProbeLog(), Groups(("io", 1)));
        var running = actor.RunIn("io", (_, ct) =>
        {
            started.Open();
            return gate.Pass(ct);
        });
        var queued = actor.RunIn("io", (_, _) => true);
        started.Pass();

        ray.Dispose();

        Assert.ThrowsAny<Exception>(() => queued.Get(Patience));
        Assert.ThrowsAny<Exception>(() => running.Get(Patience));
        gate.Open();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CreateUseAndDrop(ProbeLog log)
    {
        var actor = ProbeHandle.New(log, Groups(("io", 2)));
        Ray.Get([actor.RunIn("io", (_, _) => 1), actor.RunIn(null, (_, _) => 2)], Patience);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
