using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

public sealed class ActorTests
{
    [Fact]
    public void Calls_from_one_caller_run_in_submission_order()
    {
        using var ray = TestRuntime.Start();
        var counter = CounterHandle.New(0);

        var refs = Enumerable.Range(0, 1000).Select(_ => counter.Increment(1)).ToList();

        Assert.Equal(Enumerable.Range(1, 1000), Ray.Get(refs));
    }

    [Fact]
    public void Calls_stay_one_at_a_time_and_ordered_while_waiting_callers_run_them()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        var counter = CounterHandle.New(0);
        var pipelined = new List<ObjectRef<int>>();
        var callers = Enumerable.Range(0, 4).Select(_ => new System.Threading.Thread(() =>
        {
            // Each Get may run the actor's calls on this thread; Counter is not thread-safe, so any overlap loses updates.
            var previous = 0;
            for (var i = 0; i < 500; i++)
            {
                var value = counter.Increment(1).Get();
                Assert.True(value > previous, $"a caller saw {value} after {previous}");
                previous = value;
            }
        })).ToList();

        callers.ForEach(thread => thread.Start());
        for (var i = 0; i < 500; i++)
        {
            pipelined.Add(counter.Increment(1));
        }

        Assert.All(callers, thread => Assert.True(thread.Join(TimeSpan.FromSeconds(60))));
        var values = Ray.Get(pipelined, TimeSpan.FromSeconds(60));
        Assert.Equal(values.Order(), values);
        Assert.Equal(2500, counter.Increment(0).Get(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void An_actor_call_never_sees_the_SynchronizationContext_of_the_thread_that_waits_for_it()
    {
        using var ray = TestRuntime.Start();
        var probe = ProbeHandle.New(new ProbeLog());
        var callerContext = System.Threading.SynchronizationContext.Current;
        System.Threading.SynchronizationContext.SetSynchronizationContext(new System.Threading.SynchronizationContext());
        try
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal("none", probe.Run((_, _) => System.Threading.SynchronizationContext.Current?.GetType().Name ?? "none").Get());
            }
        }
        finally
        {
            System.Threading.SynchronizationContext.SetSynchronizationContext(callerContext);
        }
    }

    [Fact]
    public void Handles_can_be_passed_to_tasks()
    {
        using var ray = TestRuntime.Start(numCpus: 4);
        var counter = CounterHandle.New(100);
        var bump = Fn.Of<CounterHandle, int>((handle, _) => handle.Increment(1).Get());

        Ray.Get(Enumerable.Range(0, 20).Select(_ => bump.Remote(counter)).ToList());

        Assert.Equal(121, counter.Increment(1).Get());
    }

    [Fact]
    public async Task Async_methods_run_on_the_actor()
    {
        using var ray = TestRuntime.Start();
        var counter = CounterHandle.New(0);

        var refs = Enumerable.Range(0, 50).Select(_ => counter.IncrementLaterAsync(2)).ToList();

        Assert.Equal(Enumerable.Range(1, 50).Select(i => 2 * i), await Ray.GetAsync(refs));
    }

    [Fact]
    public void A_method_exception_fails_only_that_call()
    {
        using var ray = TestRuntime.Start();
        var counter = CounterHandle.New(0);

        var error = Assert.Throws<RayTaskException>(() => counter.Fail().Get());

        Assert.Equal("method failed", error.InnerException!.Message);
        Assert.Equal(1, counter.Increment(1).Get());
    }

    [Fact]
    public void A_constructor_exception_kills_the_actor()
    {
        using var ray = TestRuntime.Start();
        var counter = CounterHandle.New(-1);

        var error = Assert.Throws<ActorDiedException>(() => counter.Increment(1).Get(TimeSpan.FromSeconds(30)));

        Assert.Equal(counter.Id, error.ActorId);
        Assert.Equal("Counter", error.ClassName);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.Throws<ActorDiedException>(() => counter.Increment(1).Get(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Named_actors_are_found_by_name()
    {
        using var ray = TestRuntime.Start();
        var created = CounterHandle.New(5, new ActorOptions { Name = "tracker" });

        var found = Ray.GetActor<CounterHandle>("tracker");

        Assert.Equal(created, found);
        Assert.Equal(6, found.Increment(1).Get());
        Assert.Equal(7, created.Increment(1).Get());
        Assert.Contains(created.Id.ToString(), found.ToString());
    }

    [Fact]
    public void Names_are_unique_unless_GetIfExists_is_set()
    {
        using var ray = TestRuntime.Start();
        var first = CounterHandle.New(0, new ActorOptions { Name = "unique" });

        var error = Assert.Throws<ArgumentException>(() => CounterHandle.New(0, new ActorOptions { Name = "unique" }));
        Assert.Contains("already exists", error.Message);
        Assert.Equal(first, CounterHandle.New(0, new ActorOptions { Name = "unique", GetIfExists = true }));
    }

    [Fact]
    public void Looking_up_a_missing_name_or_the_wrong_class_fails_clearly()
    {
        using var ray = TestRuntime.Start();
        CounterHandle.New(0, new ActorOptions { Name = "counter" });

        Assert.Contains("No actor named 'nobody'", Assert.Throws<ArgumentException>(() => Ray.GetActor<CounterHandle>("nobody")).Message);
        Assert.Contains("Counter", Assert.Throws<ArgumentException>(() => Ray.GetActor<OtherHandle>("counter")).Message);
    }

    [Fact]
    public void An_actor_holds_its_resources_and_creation_waits_for_them()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        var holder = CounterHandle.New(0, new ActorOptions { NumCpus = 2 });

        Assert.Equal(1, holder.Increment(1).Get());
        Assert.Equal(0, ray.Runtime.AvailableResources()["CPU"]);
        var waiting = CounterHandle.New(0, new ActorOptions { NumCpus = 1 });
        Assert.Throws<GetTimeoutException>(() => waiting.Increment(1).Get(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void An_actor_that_can_never_fit_is_dead_at_once()
    {
        using var ray = TestRuntime.Start(numCpus: 2);

        var counter = CounterHandle.New(0, new ActorOptions { NumCpus = 4 });

        Assert.IsType<TaskUnschedulableException>(Assert.Throws<ActorDiedException>(() => counter.Increment(1).Get(TimeSpan.FromSeconds(10))).InnerException);
    }

    [Fact]
    public void Handles_compare_by_actor_id()
    {
        using var ray = TestRuntime.Start();
        var a = CounterHandle.New(0);
        var b = CounterHandle.New(0);

        Assert.NotEqual(a, b);
        Assert.Equal(a, CounterHandle.FromId(a.Id));
        Assert.Equal(2, new HashSet<CounterHandle> { a, b, CounterHandle.FromId(a.Id) }.Count);
        Assert.Throws<InvalidOperationException>(() => CounterHandle.FromId(a.Id).Increment(1));
    }
}
