using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RaySharp.Conformance.Support;
using RaySharp.Util;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>Ray's python/ray/tests/test_actor_pool.py (fixture <c>init</c>: <c>num_cpus=4</c>).</summary>
public sealed class TestActorPool
{
    [Fact]
    public void test_get_next()
    {
        // Ports test_actor_pool.py::test_get_next.
        using var ray = TestRuntime.Start(cpus: 4);
        var pool = new ActorPool<PoolActor.Handle>(Enumerable.Range(0, 4).Select(_ => PoolActor.Remote.New()));
        for (var i = 0; i < 5; i++)
        {
            pool.Submit((a, v) => a.F(v), i);
            Assert.Equal(i + 1, pool.GetNext<int>(Bounds.Must));
        }
    }

    [Fact]
    public void test_get_next_unordered()
    {
        // Ports test_actor_pool.py::test_get_next_unordered.
        using var ray = TestRuntime.Start(cpus: 4);
        var pool = new ActorPool<PoolActor.Handle>(Enumerable.Range(0, 4).Select(_ => PoolActor.Remote.New()));
        var total = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            pool.Submit((a, v) => a.F(v), i);
        }

        while (pool.HasNext)
        {
            total.Add(pool.GetNextUnordered<int>(Bounds.Must));
        }

        Assert.All(total, elem => Assert.Contains(elem, new[] { 1, 2, 3, 4, 5 }));
    }

    [Fact]
    public void test_map()
    {
        // Ports test_actor_pool.py::test_map.
        using var ray = TestRuntime.Start(cpus: 4);
        var pool = new ActorPool<PoolActor.Handle>(Enumerable.Range(0, 4).Select(_ => PoolActor.Remote.New()));
        var index = 0;
        foreach (var v in pool.Map((a, v) => a.Double(v), Enumerable.Range(0, 5)))
        {
            Assert.Equal(2 * index, v);
            index++;
        }

        Assert.Equal(5, index);
    }

    [Fact]
    public void test_map_eager()
    {
        // Ports test_actor_pool.py::test_map_eager: Ray mocks submit; here the call function counts its calls.
        using var ray = TestRuntime.Start(cpus: 4);
        var pool = new ActorPool<PoolActor.Handle>([PoolActor.Remote.New()]);
        var calls = 0;

        _ = pool.Map(
            (a, v) =>
            {
                calls++;
                return a.F(v);
            },
            Enumerable.Range(0, 1));

        Assert.Equal(1, calls);
    }

    [Fact]
    public void test_map_unordered()
    {
        // Ports test_actor_pool.py::test_map_unordered (which, as in Ray, calls map).
        using var ray = TestRuntime.Start(cpus: 4);
        var pool = new ActorPool<PoolActor.Handle>(Enumerable.Range(0, 4).Select(_ => PoolActor.Remote.New()));
        var total = pool.Map((a, v) => a.Double(v), Enumerable.Range(0, 5)).ToList();

        Assert.All(total, elem => Assert.Contains(elem, new[] { 0, 2, 4, 6, 8 }));
    }

    [Fact]
    public async Task test_map_gh23107()
    {
        // Ports test_actor_pool.py::test_map_gh23107: the call for 6 waits on a signal instead of sleeping 40 s. Ray's
        // second assertion (on timestamps) iterates an exhausted generator and checks nothing, so it is not ported.
        using var ray = TestRuntime.Start(cpus: 4);
        var signal = SignalActor.Remote.New();
        int[] mapValues = [1, 2, 3, 4, 5];

        var poolMap = new ActorPool<DummyActor.Handle>(Enumerable.Range(0, 2).Select(_ => DummyActor.Remote.New(signal)));
        poolMap.Submit((a, v) => a.Identity(v), 6);
        var results = await Task.Run(() => poolMap.Map((a, v) => a.Identity(v), mapValues).ToList()).WaitAsync(Bounds.Must);
        Assert.All(results, elem => Assert.Contains(elem, mapValues));

        var poolMapUnordered = new ActorPool<DummyActor.Handle>(Enumerable.Range(0, 2).Select(_ => DummyActor.Remote.New(signal)));
        poolMapUnordered.Submit((a, v) => a.Identity(v), 6);
        var unordered = await Task.Run(() => poolMapUnordered.MapUnordered((a, v) => a.Identity(v), mapValues).ToList()).WaitAsync(Bounds.Must);
        Assert.All(unordered, elem => Assert.Contains(elem, mapValues));

        _ = signal.Send(false);
    }

    [Fact]
    public void test_get_next_timeout()
    {
        // Ports test_actor_pool.py::test_get_next_timeout (which, as in Ray, calls get_next_unordered); the endless
        // loop is a wait on a signal that is sent at the end.
        using var ray = TestRuntime.Start(cpus: 4);
        var signal = SignalActor.Remote.New();
        var pool = new ActorPool<BlockingActor.Handle>(Enumerable.Range(0, 4).Select(_ => BlockingActor.Remote.New(signal)));
        pool.Submit((a, v) => a.F(v), 0);
        Assert.ThrowsAny<TimeoutException>(() => pool.GetNextUnordered<int>(TimeSpan.FromSeconds(0.1)));
        signal.Send(false);
    }

    [Fact]
    public void test_get_next_unordered_timeout()
    {
        // Ports test_actor_pool.py::test_get_next_unordered_timeout; C# returns default where Ray returns None.
        using var ray = TestRuntime.Start(cpus: 4);
        var signal = SignalActor.Remote.New();
        var pool = new ActorPool<BlockingActor.Handle>(Enumerable.Range(0, 4).Select(_ => BlockingActor.Remote.New(signal)));

        pool.Submit((a, v) => a.F(v), 0);
        Assert.ThrowsAny<TimeoutException>(() => pool.GetNextUnordered<int>(TimeSpan.FromSeconds(0.1), ignoreIfTimedOut: false));

        pool.Submit((a, v) => a.F(v), 0);
        Assert.Null(pool.GetNextUnordered<string>(TimeSpan.FromSeconds(0.1), ignoreIfTimedOut: true));
        signal.Send(false);
    }

    [Fact]
    public void test_pop_idle()
    {
        // Ports test_actor_pool.py::test_pop_idle.
        using var ray = TestRuntime.Start(cpus: 4);
        var pool = new ActorPool<PoolActor.Handle>([PoolActor.Remote.New()]);

        pool.Submit((a, v) => a.Double(v), 1);
        Assert.Null(pool.PopIdle());
        Assert.False(pool.HasFree);
        Assert.Equal(2, pool.GetNext<int>(Bounds.Must));
        Assert.True(pool.HasFree);
        pool.PopIdle();
        Assert.False(pool.HasFree);
    }

    [Fact]
    public void test_push()
    {
        // Ports test_actor_pool.py::test_push; Ray's check of the private _pending_submits is made through HasFree
        // and through which actor runs the pending call.
        using var ray = TestRuntime.Start(cpus: 4);
        var (a1, a2, a3) = (PoolActor.Remote.New(), PoolActor.Remote.New(), PoolActor.Remote.New());
        var pool = new ActorPool<PoolActor.Handle>([a1]);

        pool.Submit((a, v) => a.Double(v), 1);
        Assert.False(pool.HasFree);
        Assert.Throws<ArgumentException>(() => pool.Push(a1));
        pool.Push(a2);
        Assert.True(pool.HasFree);

        pool.Submit((a, v) => a.Double(v), 1);
        pool.Submit((a, v) => a.Double(v), 1);
        Assert.False(pool.HasFree);
        pool.Push(a3);
        Assert.False(pool.HasFree);
        Assert.Throws<ArgumentException>(() => pool.Push(a3));
    }
}
