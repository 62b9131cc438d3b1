using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// Many threads at once on the lock-free paths: the scheduler's one-CPU ready queue and the actor mailbox. A lost
/// wake-up shows up as a ref that never completes (bounded waits turn it into a failure), a lost resource as
/// availability that does not come back.
/// </summary>
public sealed class ConcurrencyStressTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Tasks_of_mixed_shapes_from_many_threads_all_finish_and_give_their_resources_back()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 2, Resources = new Dictionary<string, double> { ["slot"] = 1 } });
        var running = 0;
        var maximum = 0;
        var body = (int x) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maximum, now);
            Thread.SpinWait(200);
            Interlocked.Decrement(ref running);
            return x;
        };
        var oneCpu = Fn.Of<int, int>((x, _) => body(x));
        var halfCpu = Fn.Of<int, int>((x, _) => body(x), new TaskOptions { NumCpus = 0.5 });
        var withSlot = Fn.Of<int, int>((x, _) => body(x), new TaskOptions { Resources = new Dictionary<string, double> { ["slot"] = 1 } });
        var runtime = ray.Runtime;

        var submitters = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            using var scope = runtime.MakeCurrent();
            var refs = new List<(int Value, ObjectRef<int> Ref, bool Cancelled)>();
            for (var i = 0; i < 3000; i++)
            {
                var value = (t * 10_000) + i;
                var reference = (i % 7) switch
                {
                    0 => halfCpu.Remote(value),
                    1 => withSlot.Remote(value),
                    _ => oneCpu.Remote(value),
                };
                var cancel = i % 50 == 0;
                if (cancel)
                {
                    Ray.Cancel(reference);
                }

                refs.Add((value, reference, cancel));
            }

            return refs;
        })).ToArray();

        foreach (var (value, reference, cancelled) in submitters.SelectMany(s => s.Result))
        {
            if (cancelled)
            {
                // A cancel can come after the task ran; either outcome is right, a hang is not.
                try
                {
                    Assert.Equal(value, reference.Get(Patience));
                }
                catch (TaskCancelledException)
                {
                }
            }
            else
            {
                Assert.Equal(value, reference.Get(Patience));
            }
        }

        Assert.InRange(Volatile.Read(ref maximum), 1, 4);
        var available = WaitForIdle(runtime);
        Assert.Equal(2, available["CPU"]);
        Assert.Equal(1, available["slot"]);
    }

    [Fact]
    public void Actor_calls_from_many_threads_all_run_once_and_keep_each_callers_order()
    {
        using var ray = TestRuntime.Start();
        var counter = CounterHandle.New(0);
        const int Callers = 4;
        const int Calls = 3000;

        var callers = Enumerable.Range(0, Callers)
            .Select(_ => Task.Run(() => Enumerable.Range(0, Calls).Select(_ => counter.Increment(1)).ToList()))
            .ToArray();
        var results = callers.Select(c => Ray.Get(c.Result, Patience)).ToList();

        foreach (var values in results)
        {
            Assert.True(values.Zip(values.Skip(1)).All(p => p.First < p.Second), "one caller's calls ran out of order");
        }

        Assert.Equal(Enumerable.Range(1, Callers * Calls), results.SelectMany(v => v).Order());
    }

    [Fact]
    public void Killing_an_actor_while_threads_submit_ends_every_call()
    {
        using var ray = TestRuntime.Start();
        var counter = CounterHandle.New(0);
        using var started = new CountdownEvent(4);

        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var refs = new List<ObjectRef<int>>();
            for (var i = 0; i < 5000; i++)
            {
                refs.Add(counter.Increment(1));
                if (i == 100)
                {
                    started.Signal();
                }
            }

            return refs;
        })).ToArray();
        Assert.True(started.Wait(Patience));
        Ray.Kill(counter);

        var completed = 0;
        var died = 0;
        foreach (var reference in callers.SelectMany(c => c.Result))
        {
            try
            {
                reference.Get(Patience);
                completed++;
            }
            catch (ActorDiedException)
            {
                died++;
            }
        }

        Assert.Equal(20_000, completed + died);
        Assert.Throws<ActorDiedException>(() => counter.Increment(1).Get(Patience));
    }

    [Fact]
    public void Cancelling_a_call_that_waits_for_its_argument_lets_the_calls_behind_it_run()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var counter = CounterHandle.New(0);
        Assert.Equal(0, counter.Increment(0).Get(Patience)); // The actor is alive: its start pumps no more.
        var slowArgument = Fn.Of(ct => gate.Pass(ct) ? 10 : 0).Remote();

        var first = counter.Increment(slowArgument);
        var second = counter.Increment(1);
        Ray.Cancel(first);

        Assert.Equal(1, second.Get(TimeSpan.FromSeconds(30)));
        Assert.Throws<TaskCancelledException>(() => first.Get(TimeSpan.FromSeconds(30)));
    }

    private static IReadOnlyDictionary<string, double> WaitForIdle(RayRuntime runtime)
    {
        // A finished task's ref completes just before its resources go back.
        var deadline = DateTime.UtcNow + Patience;
        var available = runtime.AvailableResources();
        while (available["CPU"] != 2 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10); // a poll interval under a 30 s deadline, not an ordering
            available = runtime.AvailableResources();
        }

        return available;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var actual && actual != seen)
        {
            seen = actual;
        }
    }
}
