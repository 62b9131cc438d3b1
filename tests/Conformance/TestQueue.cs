using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RaySharp.Conformance.Support;
using RaySharp.Util;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>
/// Ray's python/ray/tests/test_queue.py (fixture <c>ray_start_regular_shared</c>: <c>num_cpus=1</c>). Ray's
/// <c>get_async(block=False)</c> / <c>put_async(block=False)</c> map to a zero timeout: RaySharp's async calls take no
/// <c>block</c> flag.
/// </summary>
public sealed partial class TestQueue
{
    private static readonly TimeSpan PointTwo = TimeSpan.FromSeconds(0.2);

    [RayRemote]
    public static int AsyncGet(RayQueue<int> queue) => queue.Get(block: true);

    [RayRemote]
    internal static void AsyncPut(RayQueue<int> queue, int item) => queue.Put(item, block: true);

    [Fact]
    public void test_simple_usage()
    {
        // Ports test_queue.py::test_simple_usage.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>();
        var items = Enumerable.Range(0, 10).ToList();
        foreach (var item in items)
        {
            q.Put(item);
        }

        foreach (var item in items)
        {
            Assert.Equal(item, q.Get(timeout: Bounds.Must));
        }
    }

    [Fact]
    public void test_get()
    {
        // Ports test_queue.py::test_get.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>();
        q.Put(0);
        Assert.Equal(0, q.Get(block: false));
        q.Put(1);
        Assert.Equal(1, q.Get(timeout: PointTwo));

        Assert.ThrowsAny<ArgumentException>(() => q.Get(timeout: TimeSpan.FromSeconds(-1)));
        Assert.Throws<QueueEmptyException>(() => q.GetNoWait());
        Assert.Throws<QueueEmptyException>(() => q.Get(timeout: PointTwo));
    }

    [Fact]
    public async Task test_get_async()
    {
        // Ports test_queue.py::test_get_async.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>();
        await q.PutAsync(0);
        Assert.Equal(0, await q.GetAsync(TimeSpan.Zero));
        await q.PutAsync(1);
        Assert.Equal(1, await q.GetAsync(PointTwo));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => q.GetAsync(TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<QueueEmptyException>(() => q.GetAsync(TimeSpan.Zero));
        await Assert.ThrowsAsync<QueueEmptyException>(() => q.GetAsync(PointTwo));
    }

    [Fact]
    public void test_put()
    {
        // Ports test_queue.py::test_put.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>(1);
        q.Put(0, block: false);
        Assert.Equal(0, q.Get(timeout: Bounds.Must));
        q.Put(1, timeout: PointTwo);
        Assert.Equal(1, q.Get(timeout: Bounds.Must));

        Assert.ThrowsAny<ArgumentException>(() => q.Put(0, timeout: TimeSpan.FromSeconds(-1)));

        q.Put(0);
        Assert.Throws<QueueFullException>(() => q.PutNoWait(1));
        Assert.Throws<QueueFullException>(() => q.Put(1, timeout: PointTwo));
    }

    [Fact]
    public async Task test_put_async()
    {
        // Ports test_queue.py::test_put_async.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>(1);
        await q.PutAsync(0, TimeSpan.Zero);
        Assert.Equal(0, await q.GetAsync(Bounds.Must));
        await q.PutAsync(1, PointTwo);
        Assert.Equal(1, await q.GetAsync(Bounds.Must));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => q.PutAsync(0, TimeSpan.FromSeconds(-1)));

        await q.PutAsync(0);
        await Assert.ThrowsAsync<QueueFullException>(() => q.PutAsync(1, TimeSpan.Zero));
        await Assert.ThrowsAsync<QueueFullException>(() => q.PutAsync(1, PointTwo));
    }

    [Fact]
    public void test_concurrent_get()
    {
        // Ports test_queue.py::test_concurrent_get.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>();
        var future = Remote.AsyncGet(q);

        Assert.Throws<QueueEmptyException>(() => q.GetNoWait());
        Assert.Throws<GetTimeoutException>(() => future.Get(TimeSpan.FromSeconds(0.1)));

        q.Put(1);
        Assert.Equal(1, future.Get(Bounds.Must));
    }

    [Fact]
    public void test_concurrent_put()
    {
        // Ports test_queue.py::test_concurrent_put.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>(1);
        q.Put(1);
        var future = Remote.AsyncPut(q, 2);

        Assert.Throws<QueueFullException>(() => q.PutNoWait(3));
        Assert.Throws<GetTimeoutException>(() => future.Get(TimeSpan.FromSeconds(0.1)));

        Assert.Equal(1, q.Get(timeout: Bounds.Must));
        Assert.Equal(2, q.Get(timeout: Bounds.Must));
    }

    [Fact]
    public void test_batch()
    {
        // Ports test_queue.py::test_batch.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>(1);
        Assert.Throws<QueueFullException>(() => q.PutNoWaitBatch([1, 2]));
        Assert.Throws<QueueEmptyException>(() => q.GetNoWaitBatch(1));

        var bigQ = new RayQueue<int>(100);
        bigQ.PutNoWaitBatch(Enumerable.Range(0, 100));
        Assert.Equal(Enumerable.Range(0, 100), bigQ.GetNoWaitBatch(100));
    }

    [Fact]
    public void test_qsize()
    {
        // Ports test_queue.py::test_qsize.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>();
        var size = 0;
        Assert.Equal(size, q.Size);
        for (var item = 0; item < 10; item++)
        {
            q.Put(item);
            size++;
            Assert.Equal(size, q.Size);
        }

        for (var item = 0; item < 10; item++)
        {
            Assert.Equal(item, q.Get(timeout: Bounds.Must));
            size--;
            Assert.Equal(size, q.Size);
        }
    }

    [Fact]
    public void test_shutdown()
    {
        // Ports test_queue.py::test_shutdown. Differs: RaySharp does not expose the queue's actor, so the dead actor
        // is observed through the queue itself.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>();
        q.Shutdown();
        Assert.Throws<ActorDiedException>(() => _ = q.IsEmpty);
    }

    [Fact]
    public void test_custom_resources()
    {
        // Ports test_queue.py::test_custom_resources. Ray drops a resource at 0 from available_resources; RaySharp
        // may list it at 0, so the check is "no CPU left".
        using var ray = TestRuntime.Start(cpus: 1);
        Assert.Equal(1.0, Ray.AvailableResources()["CPU"]);

        var q = new RayQueue<int>();
        Assert.Equal(1.0, Ray.AvailableResources()["CPU"]);
        q.Shutdown();

        var reserving = new RayQueue<int>(actorOptions: new ActorOptions { NumCpus = 1 });
        _ = reserving.Size;
        Assert.Equal(0.0, Ray.AvailableResources().GetValueOrDefault("CPU"));
        reserving.Shutdown();
    }

    [Fact]
    public void test_len()
    {
        // Ports test_queue.py::test_len (len(q) is Size).
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>();
        Assert.Equal(0, q.Size);
        q.Put(1);
        Assert.Equal(1, q.Size);
        q.Put(2);
        Assert.Equal(2, q.Size);
        q.Get(timeout: Bounds.Must);
        Assert.Equal(1, q.Size);
        q.Shutdown();
    }

    [Fact]
    public void test_empty_and_full()
    {
        // Ports test_queue.py::test_empty_and_full.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>(2);
        Assert.True(q.IsEmpty);
        Assert.False(q.IsFull);
        q.Put(1);
        Assert.False(q.IsEmpty);
        Assert.False(q.IsFull);
        q.Put(2);
        Assert.True(q.IsFull);
        q.Get(timeout: Bounds.Must);
        Assert.False(q.IsFull);
        q.Shutdown();
    }

    [Fact]
    public void test_init_invalid_maxsize()
    {
        // Ports test_queue.py::test_init_invalid_maxsize (the TypeError half cannot be written in C#).
        using var ray = TestRuntime.Start(cpus: 1);
        Assert.ThrowsAny<ArgumentException>(() => new RayQueue<int>(maxSize: -1));
    }

    [Fact]
    public void test_get_nowait_batch_invalid_args()
    {
        // Ports test_queue.py::test_get_nowait_batch_invalid_args (the TypeError half cannot be written in C#).
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>();
        Assert.ThrowsAny<ArgumentException>(() => q.GetNoWaitBatch(-1));
        q.Shutdown();
    }

    [Fact]
    public void test_shutdown_idempotent()
    {
        // Ports test_queue.py::test_shutdown_idempotent (RaySharp does not expose q.actor, so that check is dropped).
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>();
        q.Shutdown();
        q.Shutdown();
    }

    [Fact]
    public void test_batch_operations_ordering()
    {
        // Ports test_queue.py::test_batch_operations_ordering.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>(100);
        var items = Enumerable.Range(0, 50).ToList();
        q.PutNoWaitBatch(items);
        Assert.Equal(items, q.GetNoWaitBatch(50));
        q.Shutdown();
    }

    [Fact]
    public void test_get_nowait_batch_zero()
    {
        // Ports test_queue.py::test_get_nowait_batch_zero.
        using var ray = TestRuntime.Start(cpus: 1);
        var q = new RayQueue<int>();
        q.Put(1);
        Assert.Empty(q.GetNoWaitBatch(0));
        Assert.Equal(1, q.Size);
        q.Shutdown();
    }
}
