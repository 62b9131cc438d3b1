using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.EndToEnd.Tests;

public sealed class ActorTests
{
    [Fact]
    public void Calls_from_one_caller_run_in_order()
    {
        using var ray = TestRuntime.Start();
        var counter = Counter.Remote.New(10);

        var refs = Enumerable.Range(0, 200).Select(_ => counter.Increment(1)).ToList();

        Assert.Equal(Enumerable.Range(11, 200), Ray.Get(refs));
    }

    [Fact]
    public async Task Both_constructors_and_async_methods_work()
    {
        using var ray = TestRuntime.Start();
        var zero = Counter.Remote.New();
        var five = Counter.Remote.New(Ray.Put(5));

        Assert.Equal(3, await zero.AddLaterAsync(3));
        Assert.Equal(8, await five.AddLaterAsync(3));
        await zero.Reset();
        Assert.Equal(0, await zero.Get());
    }

    [Fact]
    public void Named_actors_are_found_by_name()
    {
        using var ray = TestRuntime.Start();
        var created = Counter.Remote.WithOptions(new ActorOptions { Name = "shared" }).New(1);

        var found = Ray.GetActor<Counter.Handle>("shared");

        Assert.Equal(created, found);
        Assert.Equal(2, found.Increment(1).Get());
    }

    [Fact]
    public void Declared_concurrency_lets_calls_overlap()
    {
        using var ray = TestRuntime.Start();
        var gatherer = Gatherer.Remote.New();

        Ray.Get(Enumerable.Range(0, 8).Select(_ => gatherer.EnterAsync()).ToList(), TimeSpan.FromSeconds(10));

        Assert.True(gatherer.MaxInside().Get() > 1);
    }

    [Fact]
    public void Handles_passed_to_tasks_reach_the_same_actor()
    {
        using var ray = TestRuntime.Start(cpus: 8);
        var tracker = ReferenceDataTracker.Remote.New();

        Ray.Get(Enumerable.Range(0, 10).Select(id => Requests.Remote.GetTrackedDatum(id, tracker)).ToList());
        Assert.Equal([2, 2, 2, 2, 2], tracker.Counts().Get());

        Ray.Get(Enumerable.Range(0, 10).Select(id => Requests.Remote.GetTrackedDatum(id, tracker)).ToList());
        Assert.Equal([4, 4, 4, 4, 4], tracker.Counts().Get());
    }

    [Fact]
    public void An_actor_method_declared_with_RetryExceptions_runs_again_on_its_exception()
    {
        using var ray = TestRuntime.Start();
        var counter = FlakyCounter.Remote.New();

        Assert.Equal(3, counter.SucceedOnThirdCall().Get(TimeSpan.FromSeconds(30)));
    }
}
