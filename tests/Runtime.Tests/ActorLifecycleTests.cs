using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>Kill, restarts, retries, graceful exit, disposal, collection, concurrency and async actors.</summary>
public sealed class ActorLifecycleTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void Kill_fails_queued_and_future_calls_and_cancels_the_running_one()
    {
        using var ray = TestRuntime.Start();
        using var started = new Gate();
        var log = new ProbeLog();
        var actor = ProbeHandle.New(log);
        var sawCancel = false;
        var running = actor.Run((_, ct) =>
        {
            started.Open();
            sawCancel = ct.WaitHandle.WaitOne(Patience);
            return 1;
        });
        var queued = actor.Run((_, _) => 2);
        started.Pass();

        Ray.Kill(actor);

        Assert.Throws<ActorDiedException>(() => running.Get(Patience));
        Assert.Contains("Ray.Kill", Assert.Throws<ActorDiedException>(() => queued.Get(Patience)).Message);
        Assert.Throws<ActorDiedException>(() => actor.Run((_, _) => 3).Get(Patience));
        Assert.True(SpinWait.SpinUntil(() => log.Disposed == 1, Patience));
        Assert.True(sawCancel);
    }

    [Fact]
    public void Kill_without_noRestart_restarts_the_actor_with_its_original_arguments()
    {
        using var ray = TestRuntime.Start();
        var log = new ProbeLog();
        var actor = ProbeHandle.New(log, new ActorOptions { MaxRestarts = 1 });
        actor.Run((p, _) => p.Counter = 5).Get();

        Ray.Kill(actor, noRestart: false);

        Assert.Equal(0, actor.Run((p, _) => p.Counter).Get(Patience));
        Assert.Equal(2, actor.Run((p, _) => p.Incarnation).Get(Patience));
        Assert.Equal(2, log.Constructed);
        Assert.Equal(1, log.Disposed);

        Ray.Kill(actor, noRestart: false);
        Assert.Throws<ActorDiedException>(() => actor.Run((p, _) => p.Counter).Get(Patience));
    }

    [Fact]
    public void A_crash_restarts_the_actor_and_calls_queued_meanwhile_run_on_the_new_instance()
    {
        using var ray = TestRuntime.Start();
        var log = new ProbeLog();
        var actor = ProbeHandle.New(log, new ActorOptions { MaxRestarts = -1 });

        var crash = actor.Run<int>((_, _) => throw new ActorCrashException("disk gone"));
        var after = actor.Run((p, _) => p.Incarnation);

        var error = Assert.Throws<ActorDiedException>(() => crash.Get(Patience));
        Assert.IsType<ActorCrashException>(error.InnerException);
        Assert.Equal(2, after.Get(Patience));
    }

    [Fact]
    public void MaxTaskRetries_reruns_an_interrupted_call_on_the_new_instance()
    {
        using var ray = TestRuntime.Start();
        using var started = new Gate();
        var log = new ProbeLog();
        var actor = ProbeHandle.New(log, new ActorOptions { MaxRestarts = 1, MaxTaskRetries = 1 });

        var interrupted = actor.Run((p, ct) =>
        {
            if (p.Incarnation == 1)
            {
                started.Open();
                ct.WaitHandle.WaitOne(Patience);
            }

            return p.Incarnation;
        });
        started.Pass();
        Ray.Kill(actor, noRestart: false);

        Assert.Equal(2, interrupted.Get(Patience));
    }

    [Fact]
    public void Without_task_retries_an_interrupted_call_fails()
    {
        using var ray = TestRuntime.Start();
        using var started = new Gate();
        var actor = ProbeHandle.New(new ProbeLog(), new ActorOptions { MaxRestarts = 1 });

        var interrupted = actor.Run((_, ct) =>
        {
            started.Open();
            ct.WaitHandle.WaitOne(Patience);
            return 0;
        });
        started.Pass();
        Ray.Kill(actor, noRestart: false);

        Assert.Contains("MaxTaskRetries", Assert.Throws<ActorDiedException>(() => interrupted.Get(Patience)).Message);
        Assert.Equal(2, actor.Run((p, _) => p.Incarnation).Get(Patience));
    }

    [Fact]
    public void ExitActor_ends_the_actor_gracefully_and_disposes_it()
    {
        using var ray = TestRuntime.Start();
        var log = new ProbeLog();
        var actor = ProbeHandle.New(log, new ActorOptions { MaxRestarts = 5 });

        var exiting = actor.Run<int>((_, _) =>
        {
            Ray.ExitActor();
            return 0;
        });

        Assert.Throws<ActorDiedException>(() => exiting.Get(Patience));
        Assert.Contains("ExitActor", Assert.Throws<ActorDiedException>(() => actor.Run((_, _) => 1).Get(Patience)).Message);
        Assert.Equal(1, log.Constructed);
        Assert.Equal(1, log.Disposed);
        Assert.Throws<InvalidOperationException>(() => Ray.ExitActor());
    }

    [Fact]
    public void An_actor_with_no_handle_left_is_disposed()
    {
        using var ray = TestRuntime.Start();
        var log = new ProbeLog();
        var weak = CreateAndDrop(log);

        Assert.True(Collect.Until(() => log.Disposed > 0, Patience), "the actor was never disposed");
        Assert.Equal(1, log.Disposed);
        Assert.False(weak.TryGetTarget(out _));
    }

    [Fact]
    public void A_named_actor_lives_without_handles()
    {
        using var ray = TestRuntime.Start();
        var log = new ProbeLog();
        CreateNamedAndDrop(log, "keeper");

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(1, Ray.GetActor<ProbeHandle>("keeper").Run((p, _) => p.Incarnation).Get(Patience));
        Assert.Equal(0, log.Disposed);
    }

    [Fact]
    public void MaxConcurrency_lets_calls_run_at_once()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var actor = ProbeHandle.New(new ProbeLog(), new ActorOptions { MaxConcurrency = 4 });
        var inside = 0;

        var calls = Enumerable.Range(0, 4).Select(_ => actor.Run((_, ct) =>
        {
            Interlocked.Increment(ref inside);
            return gate.Pass(ct);
        })).ToList();

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref inside) == 4, Patience));
        gate.Open();
        Assert.All(Ray.Get(calls, Patience), Assert.True);
    }

    [Fact]
    public async Task Async_actor_calls_interleave_at_awaits_but_never_run_at_once()
    {
        using var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(new ProbeLog(), async: true);
        var inside = 0;
        var overlapped = false;
        var release = new TaskCompletionSource();

        var parked = 0;
        var allParked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var calls = Enumerable.Range(0, 20).Select(i => actor.RunAsync(async (p, _) =>
        {
            overlapped |= Interlocked.Increment(ref inside) > 1;
            p.Counter++;
            Interlocked.Decrement(ref inside);
            if (Interlocked.Increment(ref parked) == 20)
            {
                allParked.SetResult();
            }

            await release.Task;
            overlapped |= Interlocked.Increment(ref inside) > 1;
            Interlocked.Decrement(ref inside);
            return p.Counter;
        })).ToList();

        await allParked.Task.WaitAsync(Patience); // every call has run its first turn and awaits the release
        Assert.Equal(20, await actor.RunAsync((p, _) => Task.FromResult(p.Counter)));
        release.SetResult();

        Assert.All(await Ray.GetAsync(calls), c => Assert.Equal(20, c));
        Assert.False(overlapped);
    }

    [Fact]
    public void The_runtime_context_names_the_actor()
    {
        using var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(new ProbeLog());

        Assert.Equal(actor.Id, actor.Run((_, _) => Ray.GetRuntimeContext().ActorId).Get());
        Assert.Null(Fn.Of(_ => Ray.GetRuntimeContext().ActorId).Remote().Get());
    }

    [Fact]
    public void Killing_an_actor_gives_back_its_resources()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        var actor = ProbeHandle.New(new ProbeLog(), new ActorOptions { NumCpus = 2 });
        actor.Run((_, _) => 0).Get(Patience);
        Assert.Equal(0, ray.Runtime.AvailableResources()["CPU"]);

        Ray.Kill(actor);

        Assert.Equal(2, ray.Runtime.AvailableResources()["CPU"]);
    }

    [Fact]
    public void Shutdown_disposes_actors()
    {
        var log = new ProbeLog();
        var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(log);
        actor.Run((_, _) => 0).Get(Patience);

        ray.Dispose();

        Assert.Equal(1, log.Disposed);
        Assert.Throws<RuntimeShutdownException>(() => actor.Run((_, _) => 0));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_call_submitted_while_the_runtime_shuts_down_ends(bool asyncActor)
    {
        for (var round = 0; round < 10; round++)
        {
            var ray = TestRuntime.Start();
            var actor = ProbeHandle.New(new ProbeLog(), async: asyncActor);
            var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            var awaiting = asyncActor ? actor.RunAsync((_, _) => never.Task) : null;
            var refs = new System.Collections.Concurrent.ConcurrentQueue<ObjectRef<int>>();
            var callers = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
            {
                try
                {
                    while (true)
                    {
                        refs.Enqueue(actor.Run((probe, _) => ++probe.Counter));
                    }
                }
                catch (RuntimeShutdownException)
                {
                }
            })).ToArray();
            Array.ForEach(callers, thread => thread.Start());
            Assert.True(SpinWait.SpinUntil(() => refs.Count >= 100, Patience), "the callers never submitted"); // shut down mid-stream

            ray.Dispose();

            Assert.All(callers, thread => Assert.True(thread.Join(Patience)));
            Assert.True(SpinWait.SpinUntil(() => refs.All(r => r.IsReady), Patience), "a call submitted during shutdown never ended");
            if (awaiting is not null)
            {
                // Failed by the shutdown itself or by the actor it kills, whichever comes first.
                var error = Assert.ThrowsAny<Exception>(() => awaiting.Get(Patience));
                Assert.True(error is RuntimeShutdownException or ActorDiedException, error.ToString());
                Assert.Contains("shut down", error.Message);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<ProbeHandle> CreateAndDrop(ProbeLog log)
    {
        var actor = ProbeHandle.New(log);
        actor.Run((_, _) => 0).Get(Patience);
        return new WeakReference<ProbeHandle>(actor);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CreateNamedAndDrop(ProbeLog log, string name) =>
        ProbeHandle.New(log, new ActorOptions { Name = name }).Run((_, _) => 0).Get(Patience);
}
