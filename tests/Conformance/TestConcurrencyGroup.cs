using System;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>
/// Ray's python/ray/tests/test_concurrency_group.py. Its test_basic checks which event loop and thread each group
/// runs on, which RaySharp does not promise (a group is a limit and a queue, not a thread); it is not ported.
/// </summary>
public sealed class TestConcurrencyGroup
{
    [Fact]
    public void test_async_methods_in_concurrency_group()
    {
        // Ports test_concurrency_group.py::test_async_methods_in_concurrency_group.
        using var ray = TestRuntime.Start(cpus: 1);
        var a = AsyncBatcher.Remote.New();
        a.InitEvent().Get(Bounds.Must);

        var x1 = a.Add(1);
        var x2 = a.Add(2);
        var x3 = a.Add(3);
        var r1 = x1.Get(Bounds.Must);
        var r2 = x2.Get(Bounds.Must);
        var r3 = x3.Get(Bounds.Must);
        Assert.Equal([1, 2, 3], r1);
        Assert.Equal(r1, r2);
        Assert.Equal(r2, r3);
    }

    [Fact]
    public void test_default_concurrency_group_does_not_block_others()
    {
        // Ports test_concurrency_group.py::test_default_concurrency_group_does_not_block_others (Ray gh-20475);
        // f1 blocks its thread on a signal, sent at the end, instead of sleeping 10,000 s.
        using var ray = TestRuntime.Start(cpus: 1);
        var signal = SignalActor.Remote.New();
        var asyncActor = DefaultGroupBlocker.Remote.New(signal);
        _ = asyncActor.F1();
        signal.AwaitWaiters(1);
        try
        {
            Assert.Equal("ok", asyncActor.F2().Get(Bounds.Must));
        }
        finally
        {
            signal.Send(false);
        }
    }

    [Fact]
    public void test_blocking_group_does_not_block_others()
    {
        // Ports test_concurrency_group.py::test_blocking_group_does_not_block_others (Ray gh-19593); f1 blocks on a
        // signal instead of sleeping, and the signal's waiter count replaces Ray's 5 s wait.
        using var ray = TestRuntime.Start(cpus: 1);
        var signal = SignalActor.Remote.New();
        var asyncActor = BlockingGroupActor.Remote.New(signal);
        var obj0 = asyncActor.F1();
        var obj1 = asyncActor.F1();
        signal.AwaitWaiters(1);
        Ray.Wait([obj0, obj1], timeout: TimeSpan.FromSeconds(0.1));
        try
        {
            Assert.Equal("ok", asyncActor.F2().Get(Bounds.Must));
        }
        finally
        {
            signal.Send(false);
        }
    }
}
