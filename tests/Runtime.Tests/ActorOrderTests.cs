using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// Ray's actor task order: a sync, one-at-a-time actor runs each caller's calls in the order that caller submitted
/// them, and a call waiting for its ref arguments holds up only its own caller; async and threaded actors promise no
/// order, so nothing waits behind a call whose arguments are pending.
/// </summary>
public sealed class ActorOrderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_call_waiting_for_a_ref_holds_up_only_its_own_callers_later_calls()
    {
        using var ray = TestRuntime.Start(numCpus: 3);
        using var gate = new Gate();
        var counter = CounterHandle.New(0);
        var slowArgument = Fn.Of(ct => gate.Pass(ct) ? 10 : 0).Remote();

        var first = counter.Increment(slowArgument);
        var second = counter.Increment(1);
        var fromTask = Fn.Of<CounterHandle, int>((handle, _) => handle.Increment(100).Get(Patience)).Remote(counter);

        // The task is another caller: its call runs although the driver's calls were submitted before it.
        Assert.Equal(100, fromTask.Get(Patience));
        Assert.False(second.IsReady);
        gate.Open();
        Assert.Equal(110, first.Get(Patience));
        Assert.Equal(111, second.Get(Patience));
    }

    [Fact]
    public void Cancelling_the_waiting_call_lets_its_callers_later_calls_run()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        using var gate = new Gate();
        var counter = CounterHandle.New(0);
        var slowArgument = Fn.Of(ct => gate.Pass(ct) ? 10 : 0).Remote();

        var first = counter.Increment(slowArgument);
        var second = counter.Increment(1);
        Ray.Cancel(first);

        Assert.Equal(1, second.Get(Patience));
        Assert.Throws<TaskCancelledException>(() => first.Get(Patience));
    }

    [Fact]
    public void A_failed_argument_fails_its_call_and_the_callers_later_calls_run()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        using var gate = new Gate();
        var counter = CounterHandle.New(0);
        var failingArgument = Fn.Of<int>(ct => gate.Pass(ct) ? throw new InvalidOperationException("no argument") : 0).Remote();

        var first = counter.Increment(failingArgument);
        var second = counter.Increment(1);
        gate.Open();

        Assert.Equal(1, second.Get(Patience));
        Assert.Throws<RayTaskException>(() => first.Get(Patience));
    }

    [Fact]
    public void A_threaded_actor_runs_a_later_call_while_an_earlier_one_waits_for_its_argument()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        using var gate = new Gate();
        var counter = CounterHandle.New(0, new ActorOptions { MaxConcurrency = 2 });
        var slowArgument = Fn.Of(ct => gate.Pass(ct) ? 10 : 0).Remote();

        var first = counter.Increment(slowArgument);

        Assert.Equal(1, counter.Increment(1).Get(Patience));
        gate.Open();
        Assert.Equal(11, first.Get(Patience));
    }

    [Fact]
    public void Each_callers_calls_run_in_its_order_while_some_of_them_wait_for_arguments()
    {
        const int Callers = 4;
        const int CallsEach = 150;
        using var ray = TestRuntime.Start(numCpus: 4);
        var log = new ConcurrentQueue<(int Caller, int Sequence)>();
        var actor = ProbeHandle.New(new ProbeLog());
        Func<Probe, CancellationToken, int> Logged(int caller, int sequence) => (_, _) =>
        {
            log.Enqueue((caller, sequence));
            return sequence;
        };

        // Every fifth call waits for its body, made by a task that takes a while, so later calls find it waiting.
        var lateBody = Fn.Of<int, int, ProbeCall>((caller, sequence, _) =>
        {
            Thread.SpinWait(20_000);
            return new ProbeCall<int>(Logged(caller, sequence));
        });
        List<ObjectRef<int>> Submit(int caller) =>
            [.. Enumerable.Range(0, CallsEach).Select(i => i % 5 == 0 ? actor.RunWhenReady<int>(null, lateBody.Remote(caller, i)) : actor.Run(Logged(caller, i)))];

        var fromTasks = Enumerable.Range(1, Callers - 1)
            .Select(caller => Fn.Of<int, int>((c, _) => Ray.Get(Submit(c), Patience).Sum()).Remote(caller))
            .ToList();
        var fromDriver = Submit(0);

        var expectedSum = Enumerable.Range(0, CallsEach).Sum();
        Assert.Equal(Enumerable.Range(0, CallsEach), Ray.Get(fromDriver, Patience));
        Assert.All(Ray.Get(fromTasks, Patience), sum => Assert.Equal(expectedSum, sum));
        Assert.Equal(Callers * CallsEach, log.Count);
        foreach (var calls in log.GroupBy(entry => entry.Caller))
        {
            Assert.Equal(Enumerable.Range(0, CallsEach), calls.Select(entry => entry.Sequence));
        }
    }

    [Fact]
    public void Each_callers_calls_run_in_order_while_other_callers_and_the_drain_race_for_the_actor()
    {
        // Eight tasks on two cores call one actor at once, so the drain is often cut off mid-scan of the mailbox:
        // a call it saw before its caller made it runnable must not be passed over by that caller's next call
        // (test_nested_fork found it once). A counter's running total only grows, so each caller's results must too.
        const int Callers = 8;
        const int CallsEach = 5_000;
        using var ray = TestRuntime.Start(numCpus: Callers);
        var counter = CounterHandle.New(0);

        var callers = Enumerable.Range(0, Callers)
            .Select(_ => Fn.Of<CounterHandle, int[]>((handle, _) =>
                Ray.Get(Enumerable.Range(0, CallsEach).Select(_ => handle.Increment(1)).ToList(), Patience)).Remote(counter))
            .ToList();

        foreach (var totals in Ray.Get(callers, Patience))
        {
            Assert.Equal(totals.Order(), totals);
        }

        Assert.Equal(Callers * CallsEach, counter.Increment(0).Get(Patience));
    }
}
