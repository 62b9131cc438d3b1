using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using RaySharp.Util;
using Xunit;

namespace RaySharp.Tests;

/// <summary>Ray's ray.util: ActorPool and Queue.</summary>
public sealed class UtilTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void Map_returns_results_in_input_order_using_every_actor()
    {
        using var ray = TestRuntime.Start(numCpus: 4);
        var actors = Enumerable.Range(0, 3).Select(_ => ProbeHandle.New(new ProbeLog())).ToList();
        var pool = new ActorPool<ProbeHandle>(actors);
        var used = new HashSet<ActorId>();

        var results = pool.Map((actor, v) => actor.Run((_, _) =>
        {
            lock (used)
            {
                used.Add(Ray.GetRuntimeContext().ActorId!.Value);
            }

            Thread.Sleep(5); // stands for work; the pool hands the first three values to three idle actors whatever the timing
            return v * 2;
        }), Enumerable.Range(0, 12)).ToList();

        Assert.Equal(Enumerable.Range(0, 12).Select(v => v * 2), results);
        Assert.Equal(3, used.Count);
        Assert.True(pool.HasFree);
        Assert.False(pool.HasNext);
    }

    [Fact]
    public void MapUnordered_returns_results_as_they_finish()
    {
        using var ray = TestRuntime.Start(numCpus: 4);
        using var first = new Gate();
        var pool = new ActorPool<ProbeHandle>([ProbeHandle.New(new ProbeLog()), ProbeHandle.New(new ProbeLog())]);
        var results = new List<int>();

        // Value 0 holds its actor until the other three have come back, so it must come back last.
        foreach (var result in pool.MapUnordered((actor, v) => actor.Run((_, ct) => v == 0 && !first.Pass(ct) ? -1 : v), [0, 1, 2, 3]))
        {
            results.Add(result);
            if (results.Count == 3)
            {
                first.Open();
            }
        }

        Assert.Equal([1, 2, 3, 0], results);
    }

    [Fact]
    public void Submit_queues_when_no_actor_is_free_and_GetNext_honours_its_timeout()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var pool = new ActorPool<ProbeHandle>([ProbeHandle.New(new ProbeLog())]);

        pool.Submit((actor, v) => actor.Run((_, ct) => gate.Pass(ct) ? v : -1), 1);
        pool.Submit((actor, v) => actor.Run((_, _) => v), 2);

        Assert.False(pool.HasFree);
        Assert.Null(pool.PopIdle());
        Assert.Throws<GetTimeoutException>(() => pool.GetNext<int>(TimeSpan.FromMilliseconds(50)));
        gate.Open();
        Assert.Equal(1, pool.GetNext<int>(Patience));
        Assert.Equal(2, pool.GetNext<int>(Patience));
        Assert.NotNull(pool.PopIdle());
        Assert.False(pool.HasFree);
        Assert.Throws<InvalidOperationException>(() => pool.GetNext<int>());
    }

    [Fact]
    public void Push_adds_an_actor_and_a_failed_call_frees_its_actor()
    {
        using var ray = TestRuntime.Start();
        var pool = new ActorPool<ProbeHandle>([ProbeHandle.New(new ProbeLog())]);
        pool.Push(ProbeHandle.New(new ProbeLog()));

        pool.Submit((actor, _) => actor.Run<int>((_, _) => throw new FormatException()), 0);
        pool.Submit((actor, v) => actor.Run((_, _) => v), 7);

        Assert.Throws<RayTaskException>(() => pool.GetNext<int>(Patience));
        Assert.Equal(7, pool.GetNext<int>(Patience));
        Assert.True(pool.HasFree);
    }

    [Fact]
    public void A_queue_is_first_in_first_out_and_shared_with_tasks()
    {
        using var ray = TestRuntime.Start(numCpus: 4);
        var queue = new RayQueue<int>();
        var producer = Fn.Of<RayQueue<int>, int>((q, _) =>
        {
            for (var i = 0; i < 10; i++)
            {
                q.Put(i);
            }

            return 10;
        });

        producer.Remote(queue).Get(Patience);

        Assert.Equal(10, queue.Size);
        Assert.Equal(Enumerable.Range(0, 10), Enumerable.Range(0, 10).Select(_ => queue.Get(timeout: Patience)));
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void A_blocked_get_waits_for_a_put()
    {
        using var ray = TestRuntime.Start(numCpus: 4);
        var queue = new RayQueue<string>();
        using var consuming = new ManualResetEventSlim();
        var consumer = Fn.Of<RayQueue<string>, string>((q, _) =>
        {
            consuming.Set();
            return q.Get(timeout: Patience);
        }).Remote(queue);

        Assert.True(consuming.Wait(Patience), "the consumer never started");
        Assert.False(consumer.IsReady);
        queue.Put("hello");

        Assert.Equal("hello", consumer.Get(Patience));
    }

    [Fact]
    public void A_bounded_queue_reports_full_and_empty()
    {
        using var ray = TestRuntime.Start();
        var queue = new RayQueue<int>(maxSize: 2);

        queue.PutNoWaitBatch([1, 2]);

        Assert.True(queue.IsFull);
        Assert.Throws<QueueFullException>(() => queue.PutNoWait(3));
        Assert.Throws<QueueFullException>(() => queue.Put(3, timeout: TimeSpan.FromMilliseconds(50)));
        Assert.Throws<QueueFullException>(() => queue.PutNoWaitBatch([3]));
        Assert.Throws<QueueEmptyException>(() => queue.GetNoWaitBatch(3));
        Assert.Equal([1, 2], queue.GetNoWaitBatch(2));
        Assert.Throws<QueueEmptyException>(() => queue.GetNoWait());
        Assert.Contains("empty", Assert.Throws<QueueEmptyException>(() => queue.Get(timeout: TimeSpan.FromMilliseconds(50))).Message);
    }

    [Fact]
    public async Task Async_put_and_get_hold_no_thread()
    {
        using var ray = TestRuntime.Start();
        var queue = new RayQueue<int>(maxSize: 1);

        var get = queue.GetAsync(Patience);
        await queue.PutAsync(5, Patience);

        Assert.Equal(5, await get);
        await queue.PutAsync(6);
        await Assert.ThrowsAsync<QueueFullException>(() => queue.PutAsync(7, TimeSpan.FromMilliseconds(50)));
        queue.Shutdown();
    }
}
