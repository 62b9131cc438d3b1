using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

public sealed class TaskTests
{
    [Fact]
    public void A_task_never_sees_the_SynchronizationContext_of_the_thread_that_waits_for_it()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        var seen = Fn.Of(_ => SynchronizationContext.Current?.GetType().Name ?? "none");
        var asyncThread = Fn.OfAsync(async _ =>
        {
            var thread = Environment.CurrentManagedThreadId;
            await Task.Yield();
            return thread;
        });
        var callerContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(new SynchronizationContext());
        try
        {
            // Get with no timeout may run a dispatched synchronous task on this thread, but never under its context,
            // and never an async task, whose continuations would post to a context that is blocked in Get.
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal("none", seen.Remote().Get());
                Assert.NotEqual(Environment.CurrentManagedThreadId, asyncThread.Remote().Get());
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(callerContext);
        }
    }

    [Fact]
    public void Ref_arguments_are_resolved_to_their_values()
    {
        using var ray = TestRuntime.Start();
        var add = Fn.Of<int, int, int>((a, b, _) => a + b);

        var sum = add.Remote(add.Remote(1, 2), Ray.Put(10));

        Assert.Equal(13, sum.Get());
    }

    [Fact]
    public void Refs_nested_in_containers_stay_refs()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var pending = Fn.Of(ct => gate.Pass(ct) ? 5 : 0).Remote();
        // An array of refs: the runtime snapshots it with a block copy, no formatter needed (a List would need one).
        var inspect = Fn.Of<ObjectRef<int>[], bool>((refs, _) => refs[0].IsReady);

        var sawReady = inspect.Remote(new[] { pending }).Get(TimeSpan.FromSeconds(30));

        Assert.False(sawReady);
        gate.Open();
        Assert.Equal(5, pending.Get());
    }

    [Fact]
    public void Running_tasks_never_exceed_the_cpus()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        var probe = new ConcurrencyProbe();
        var work = Fn.Of(_ => probe.Run(TimeSpan.FromMilliseconds(5)));
        var half = Fn.Of(_ => probe.Run(TimeSpan.FromMilliseconds(5)), new TaskOptions { NumCpus = 0.5 });

        Ray.Get(Enumerable.Range(0, 40).Select(_ => work.Remote()).ToList());
        Assert.InRange(probe.TakeMaximum(), 1, 2);

        Ray.Get(Enumerable.Range(0, 40).Select(_ => half.Remote()).ToList());
        Assert.InRange(probe.TakeMaximum(), 1, 4);
    }

    [Fact]
    public void Custom_resources_limit_concurrency()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 4, Resources = new Dictionary<string, double> { ["accelerator"] = 1 } });
        var probe = new ConcurrencyProbe();
        var work = Fn.Of(_ => probe.Run(TimeSpan.FromMilliseconds(5)), new TaskOptions { Resources = new Dictionary<string, double> { ["accelerator"] = 1 } });

        Ray.Get(Enumerable.Range(0, 20).Select(_ => work.Remote()).ToList(), TimeSpan.FromSeconds(30));

        Assert.Equal(1, probe.TakeMaximum());
        Assert.Equal(1, ray.Runtime.AvailableResources()["accelerator"]);
    }

    [Fact]
    public void Per_call_options_override_the_declaration()
    {
        using var ray = TestRuntime.Start(numCpus: 4);
        var resources = Fn.Of(_ => Ray.GetRuntimeContext().AssignedResources["CPU"], new TaskOptions { NumCpus = 2 });

        Assert.Equal(2, resources.Remote().Get());
        Assert.Equal(0.5, resources.Remote(new TaskOptions { NumCpus = 0.5 }).Get());
    }

    [Fact]
    public void A_task_that_can_never_fit_fails_at_once()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        var big = Fn.Of(_ => 1, new TaskOptions { NumCpus = 8 }, name: "Tests.Big");
        var special = Fn.Of(_ => 1, new TaskOptions { Resources = new Dictionary<string, double> { ["tpu"] = 1 } });

        var error = Assert.Throws<TaskUnschedulableException>(() => big.Remote().Get(TimeSpan.FromSeconds(5)));
        Assert.Contains("Tests.Big", error.Message);
        Assert.Contains("CPU: 8", error.Message);
        Assert.Contains("CPU: 2", error.Message);
        Assert.Contains("tpu", Assert.Throws<TaskUnschedulableException>(() => special.Remote().Get(TimeSpan.FromSeconds(5))).Message);
        Assert.Equal(1, Fn.Of(_ => 1).Remote().Get());
    }

    [Fact]
    public void Invalid_options_throw_at_the_call()
    {
        using var ray = TestRuntime.Start();
        var work = Fn.Of(_ => 1);

        Assert.Throws<ArgumentException>(() => work.Remote(new TaskOptions { NumCpus = -1 }));
        Assert.Throws<ArgumentException>(() => work.Remote(new TaskOptions { NumCpus = double.NaN }));
        Assert.Throws<ArgumentException>(() => work.Remote(new TaskOptions { MaxRetries = -2 }));
        Assert.Throws<ArgumentException>(() => RetryExceptions.Of(typeof(string)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Recursive_tasks_that_block_on_their_children_complete(double cpus)
    {
        using var ray = TestRuntime.Start(numCpus: cpus);

        Assert.Equal(6765, Fibonacci.Remote(20).Get(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void A_blocked_get_lends_the_cpu_to_the_task_it_waits_for()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 1, Resources = new Dictionary<string, double> { ["disk"] = 1 } });
        // The child needs a resource the parent does not hold, so it cannot run inline: it needs the parent's CPU.
        var child = Fn.Of(_ => 7, new TaskOptions { Resources = new Dictionary<string, double> { ["disk"] = 1 } });
        var parent = Fn.Of(_ => child.Remote().Get() + 1);

        Assert.Equal(8, parent.Remote().Get(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, ray.Runtime.AvailableResources()["CPU"]);
    }

    [Fact]
    public async Task Awaiting_a_ref_inside_an_async_task_lends_its_cpu()
    {
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 1, Resources = new Dictionary<string, double> { ["disk"] = 1 } });
        var child = Fn.Of(_ => 7, new TaskOptions { Resources = new Dictionary<string, double> { ["disk"] = 1 } });
        var parent = Fn.OfAsync(async _ => await child.Remote() + 1);

        Assert.Equal(8, await parent.Remote().GetAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, ray.Runtime.AvailableResources()["CPU"]);
    }

    private static readonly Fn<int, int> Fibonacci = Fn.Of<int, int>((n, _) =>
        n < 2 ? n : Fibonacci!.Remote(n - 1).Get() + Fibonacci.Remote(n - 2).Get(), name: "Tests.Fibonacci");

    private sealed class ConcurrencyProbe
    {
        private int _running;
        private int _maximum;

        public bool Run(TimeSpan duration)
        {
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(now);
            Thread.Sleep(duration); // stands for work, so tasks overlap if the scheduler lets them; the bound asserted holds whatever the timing
            Interlocked.Decrement(ref _running);
            return true;
        }

        public int TakeMaximum() => Interlocked.Exchange(ref _maximum, 0);

        private void InterlockedMax(int value)
        {
            var seen = Volatile.Read(ref _maximum);
            while (value > seen && Interlocked.CompareExchange(ref _maximum, value, seen) is var actual && actual != seen)
            {
                seen = actual;
            }
        }
    }
}
