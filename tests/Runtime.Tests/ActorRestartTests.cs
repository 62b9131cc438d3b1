using System;
using System.Collections.Generic;
using System.Threading;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// Restarts keep Ray's at-least-once promise for actor calls: each retry is a new attempt with its own result, only
/// the attempt that ends as the call's outcome publishes, and kills or crashes during the constructor restart too.
/// </summary>
public sealed class ActorRestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_call_that_crashes_the_actor_is_retried_on_the_restarted_actor_under_MaxTaskRetries()
    {
        using var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(new ProbeLog(), new ActorOptions { MaxRestarts = 1, MaxTaskRetries = 1 });

        var crashing = actor.Run((p, _) => p.Incarnation == 1 ? throw new ActorCrashException("process died") : p.Incarnation);

        Assert.Equal(2, crashing.Get(Patience));
    }

    [Fact]
    public void A_call_that_crashes_the_actor_fails_when_its_retries_are_used_up()
    {
        using var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(new ProbeLog(), new ActorOptions { MaxRestarts = 5, MaxTaskRetries = 1 });

        var crashing = actor.Run<int>((_, _) => throw new ActorCrashException("process died"));

        var error = Assert.Throws<ActorDiedException>(() => crashing.Get(Patience));
        Assert.Contains("MaxTaskRetries (1)", error.Message);
        Assert.Equal(3, actor.Run((p, _) => p.Incarnation).Get(Patience));
    }

    [Fact]
    public void A_constructor_that_crashes_is_restarted_under_MaxRestarts()
    {
        using var ray = TestRuntime.Start();
        var log = new ProbeLog
        {
            Constructing = attempt =>
            {
                if (attempt == 1)
                {
                    throw new ActorCrashException("died in the constructor");
                }
            },
        };
        var actor = ProbeHandle.New(log, new ActorOptions { MaxRestarts = 1 });

        Assert.Equal(1, actor.Run((p, _) => p.Incarnation).Get(Patience));
        Assert.Equal(2, log.NextAttempt() - 1);
    }

    [Fact]
    public void A_constructor_that_throws_an_ordinary_exception_is_not_restarted()
    {
        using var ray = TestRuntime.Start();
        var log = new ProbeLog { FailConstruction = true };
        var actor = ProbeHandle.New(log, new ActorOptions { MaxRestarts = 3 });

        var error = Assert.Throws<ActorDiedException>(() => actor.Run((_, _) => 0).Get(Patience));
        Assert.Contains("constructor threw InvalidOperationException", error.Message);
        Assert.Equal(1, log.NextAttempt() - 1);
    }

    [Fact]
    public void Kill_with_restart_during_the_constructor_restarts_once_it_returns()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        using var inConstructor = new Gate();
        using var release = new Gate();
        var log = new ProbeLog
        {
            Constructing = attempt =>
            {
                if (attempt == 1)
                {
                    inConstructor.Open();
                    release.Pass();
                }
            },
        };
        var actor = ProbeHandle.New(log, new ActorOptions { MaxRestarts = 1, NumCpus = 1 });
        inConstructor.Pass();

        Ray.Kill(actor, noRestart: false);
        release.Open();

        Assert.Equal(2, actor.Run((p, _) => p.Incarnation).Get(Patience));
        Assert.Equal(1, log.Disposed);
    }

    [Fact]
    public void Kill_without_restart_during_the_constructor_frees_the_actors_resources()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        using var inConstructor = new Gate();
        using var release = new Gate();
        var log = new ProbeLog { Constructing = _ => { inConstructor.Open(); release.Pass(); } };
        var actor = ProbeHandle.New(log, new ActorOptions { NumCpus = 1 });
        inConstructor.Pass();

        Ray.Kill(actor, noRestart: true);
        release.Open();

        Assert.Throws<ActorDiedException>(() => actor.Run((_, _) => 0).Get(Patience));
        Assert.Equal(1, Fn.Of(_ => 1).Remote().Get(Patience)); // the one CPU is free again
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Restarts_under_a_stream_of_retried_calls_lose_no_result_and_publish_only_values_the_method_returns(int maxConcurrency)
    {
        // ++Counter can never return 0; a call whose abandoned attempt and retry shared one result slot used to
        // resolve to 0 now and then. One thread streams calls while another kills the actor 1,000 times.
        const int Restarts = 1000;
        using var ray = TestRuntime.Start();
        var log = new ProbeLog();
        var actor = ProbeHandle.New(log, new ActorOptions { MaxRestarts = -1, MaxTaskRetries = -1, MaxConcurrency = maxConcurrency });
        var calls = new List<ObjectRef<int>>();
        var killing = true;
        Exception? killerError = null;
        var killer = new Thread(() =>
        {
            try
            {
                for (var restart = 0; restart < Restarts; restart++)
                {
                    Ray.Kill(actor, noRestart: false);

                    // A handshake: the next kill finds the restarted actor alive.
                    actor.Run((p, _) => p.Incarnation).Get(Patience);
                }
            }
            catch (Exception error)
            {
                killerError = error;
            }

            Volatile.Write(ref killing, false);
        });
        using (ray.Runtime.MakeCurrent())
        {
            killer.Start();
        }

        while (Volatile.Read(ref killing))
        {
            calls.Add(actor.Run((p, _) =>
            {
                var value = ++p.Counter;
                Thread.SpinWait(20);
                return value;
            }));

            // Ray's limit-pending-tasks pattern keeps the mailbox short, so the killer's handshake is not queued behind a flood.
            if (calls.Count > 32)
            {
                calls[^32].WaitReady(Patience);
            }
        }

        Assert.True(killer.Join(Patience), "the killer thread did not finish");
        Assert.Null(killerError);
        foreach (var call in calls)
        {
            Assert.InRange(call.Get(Patience), 1, int.MaxValue);
        }

        Assert.Equal(Restarts + 1, log.Constructed);
    }

    [Fact]
    public void An_actor_call_is_retried_on_a_matching_exception_up_to_the_actors_MaxTaskRetries()
    {
        // Ray: @ray.method(retry_exceptions=True) with the actor's max_task_retries.
        using var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(new ProbeLog(), new ActorOptions { MaxTaskRetries = 2 });
        var runs = 0;

        var flaky = actor.RunWith(new TaskOptions { RetryExceptions = RetryExceptions.All }, (_, _) =>
            ++runs < 3 ? throw new InvalidOperationException("flaky") : runs);

        Assert.Equal(3, flaky.Get(Patience));
        var exhausted = actor.RunWith<int>(new TaskOptions { RetryExceptions = RetryExceptions.All }, (_, _) => throw new InvalidOperationException("always"));
        Assert.IsType<InvalidOperationException>(Assert.Throws<RayTaskException>(() => exhausted.Get(Patience)).InnerException);
    }

    [Fact]
    public void An_actor_call_is_not_retried_without_RetryExceptions_and_its_own_MaxRetries_overrides_the_actors()
    {
        using var ray = TestRuntime.Start();
        var actor = ProbeHandle.New(new ProbeLog(), new ActorOptions { MaxTaskRetries = -1 });
        var plainRuns = 0;
        var plain = actor.Run<int>((_, _) => throw new InvalidOperationException($"run {++plainRuns}"));
        Assert.Throws<RayTaskException>(() => plain.Get(Patience));
        Assert.Equal(1, plainRuns);

        var cappedRuns = 0;
        var capped = actor.RunWith<int>(
            new TaskOptions { MaxRetries = 1, RetryExceptions = RetryExceptions.Of(typeof(InvalidOperationException)) },
            (_, _) => throw new InvalidOperationException($"run {++cappedRuns}"));
        Assert.Contains("run 2", Assert.Throws<RayTaskException>(() => capped.Get(Patience)).InnerException!.Message);
        Assert.Equal(2, cappedRuns);
        Assert.Equal(1, actor.Run((p, _) => p.Incarnation).Get(Patience)); // still the same instance: no restart
    }
}
