using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace RaySharp.EndToEnd.Tests;

/// <summary>Concurrency groups declared with <c>[RayConcurrencyGroup]</c> and <c>[RayRemote(ConcurrencyGroup = …)]</c>, through the generated stubs.</summary>
public sealed class ConcurrencyGroupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_blocked_group_does_not_hold_up_the_others_and_a_call_can_pick_its_group()
    {
        using var ray = TestRuntime.Start();
        var pipeline = Pipeline.Remote.New();

        var waiting = pipeline.Wait();
        var echoBehind = pipeline.Echo("io");

        Assert.Equal(Enumerable.Range(0, 10).Select(n => n * n), Ray.Get(Enumerable.Range(0, 10).Select(n => pipeline.Square(n)).ToList(), Patience));
        Assert.Equal("compute", pipeline.WithOptions(new TaskOptions { ConcurrencyGroup = "compute" }).Echo("compute").Get(Patience));
        Assert.False(echoBehind.IsReady);

        pipeline.Release().Get(Patience);
        Assert.True(waiting.Get(Patience));
        Assert.Equal("io", echoBehind.Get(Patience));
        Assert.InRange(pipeline.MostSquaringAtOnce().Get(Patience), 1, 2);
    }

    [Fact]
    public void A_call_naming_an_undeclared_group_fails_when_submitted()
    {
        using var ray = TestRuntime.Start();
        var pipeline = Pipeline.Remote.New();

        var error = Assert.Throws<ArgumentException>(() => pipeline.WithOptions(new TaskOptions { ConcurrencyGroup = "disk" }).Echo("x"));

        Assert.Contains("'disk'", error.Message);
        Assert.Contains("'compute', 'io'", error.Message);
        Assert.Throws<ArgumentNullException>(() => pipeline.WithOptions(null!));
    }

    [Fact]
    public void Creation_options_can_replace_the_declared_groups()
    {
        using var ray = TestRuntime.Start();
        var pipeline = Pipeline.Remote
            .WithOptions(new ActorOptions { ConcurrencyGroups = new System.Collections.Generic.Dictionary<string, int> { ["io"] = 1, ["compute"] = 1, ["extra"] = 1 } })
            .New();

        Ray.Get(Enumerable.Range(0, 6).Select(n => pipeline.Square(n)).ToList(), Patience);

        Assert.Equal(1, pipeline.MostSquaringAtOnce().Get(Patience));
        Assert.Equal("x", pipeline.WithOptions(new TaskOptions { ConcurrencyGroup = "extra" }).Echo("x").Get(Patience));
    }

    [Fact]
    public async Task An_async_actor_keeps_waiting_calls_in_their_group()
    {
        using var ray = TestRuntime.Start();
        var pipeline = AsyncPipeline.Remote.New();

        var slow = new[] { pipeline.SlowAsync(), pipeline.SlowAsync() };

        Assert.Equal(5, pipeline.FastAsync(5).Get(Patience));
        Assert.False(slow[1].IsReady);
        pipeline.Release(9).Get(Patience);

        var results = await Ray.GetAsync(slow).WaitAsync(Patience);
        Assert.Equal(new[] { 9, 9 }, results);
        Assert.Equal(1, pipeline.MostSlowInFlight().Get(Patience));
    }
}
