using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// The runtime tests that measure elapsed time or the process-wide thread pool. They run in the
/// <see cref="TimingCollection"/>, alone, so the parallel tests' load and threads cannot skew them, and their bounds
/// are generous: each only has to tell "does not block" or "holds no thread" from its opposite, which is off by
/// seconds or by hundreds of threads.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class TimingTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public void Submitting_returns_the_ref_at_once()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var clock = Stopwatch.StartNew();

        var reference = Fn.Of(ct => gate.Pass(ct)).Remote();

        Assert.False(reference.IsReady);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        gate.Open();
        Assert.True(reference.Get(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_task_waiting_for_dependencies_holds_no_resources_and_no_thread()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        using var gate = new Gate();
        var blocker = Fn.Of(ct => gate.Pass(ct) ? 1 : 0).Remote();
        var increment = Fn.Of<int, int>((x, _) => x + 1);
        var threadsBefore = ThreadPool.ThreadCount;

        var dependents = Enumerable.Range(0, 2000).Select(_ => increment.Remote(blocker)).ToList();

        Assert.Equal(1, ray.Runtime.AvailableResources()["CPU"]);
        Assert.InRange(ThreadPool.ThreadCount, 0, threadsBefore + 20);
        gate.Open();
        Assert.All(Ray.Get(dependents, TimeSpan.FromSeconds(30)), v => Assert.Equal(2, v));
    }

    [Fact]
    public async Task Async_tasks_hold_no_thread_while_they_await()
    {
        using var ray = TestRuntime.Start(numCpus: 200);
        var sleeper = Fn.OfAsync(async ct =>
        {
            await Task.Delay(300, ct); // stands for awaited I/O: 200 such awaits at once must not need 200 threads
            return 1;
        });
        var threadsBefore = ThreadPool.ThreadCount;

        var refs = Enumerable.Range(0, 200).Select(_ => sleeper.Remote()).ToList();
        var values = await Ray.GetAsync(refs);

        Assert.Equal(200, values.Sum());
        Assert.InRange(ThreadPool.ThreadCount, 0, threadsBefore + 40);
    }

    [Fact]
    public void A_zero_timeout_polls_without_blocking()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var pending = Fn.Of(ct => gate.Pass(ct)).Remote();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 1000; i++)
        {
            Assert.Throws<GetTimeoutException>(() => pending.Get(TimeSpan.Zero));
        }

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(5, Ray.Put(5).Get(TimeSpan.Zero));
    }

    [Fact]
    public async Task WaitAsync_returns_what_is_ready_when_the_timeout_passes()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var refs = new List<ObjectRef<bool>> { Fn.Of(ct => gate.Pass(ct)).Remote(), Ray.Put(true) };
        var clock = Stopwatch.StartNew();

        var (ready, notReady) = await Ray.WaitAsync(refs, numReturns: 2, timeout: TimeSpan.FromMilliseconds(100)).AsTask().WaitAsync(Long);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(50), Long);
        Assert.Equal([refs[1]], ready);
        Assert.Equal([refs[0]], notReady);
    }

    [Fact]
    public async Task Concurrent_WaitAsync_calls_hold_no_thread()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        using var gate = new Gate();
        var pending = Fn.Of(ct => gate.Pass(ct) ? 1 : -1).Remote();
        var threadsBefore = ThreadPool.ThreadCount;

        var waits = Enumerable.Range(0, 2000).Select(i => Ray.WaitAsync([pending, Ray.Put(i)], numReturns: 2).AsTask()).ToList();

        Assert.DoesNotContain(waits, w => w.IsCompleted);
        Assert.InRange(ThreadPool.ThreadCount, 0, threadsBefore + 20);
        gate.Open();
        var results = await Task.WhenAll(waits).WaitAsync(Long);
        Assert.All(results, r => Assert.Equal(2, r.Ready.Count));
    }

    [Fact]
    public void Draining_100_000_refs_with_a_wait_loop_is_fast()
    {
        using var ray = TestRuntime.Start();
        IReadOnlyList<ObjectRef<int>> refs = Enumerable.Range(0, 100_000).Select(i => Ray.Put(i)).ToList();
        var drained = new List<int>(refs.Count);
        var clock = Stopwatch.StartNew();

        while (refs.Count > 0)
        {
            (var ready, refs) = Ray.Wait(refs);
            drained.Add(ready[0].Get());
        }

        // An O(n²) drain copies ~5·10⁹ refs here; O(n log n) takes well under a second.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Equal(Enumerable.Range(0, 100_000), drained);
    }
}
