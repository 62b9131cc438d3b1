using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

public sealed class WaitAsyncTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WaitAsync_completes_when_numReturns_refs_are_ready()
    {
        using var ray = TestRuntime.Start(numCpus: 3);
        using var first = new Gate();
        using var second = new Gate();
        var refs = new List<ObjectRef<int>>
        {
            Fn.Of(ct => first.Pass(ct) ? 0 : -1).Remote(),
            Ray.Put(1),
            Fn.Of(ct => second.Pass(ct) ? 2 : -1).Remote(),
        };

        var waiting = Ray.WaitAsync(refs, numReturns: 2).AsTask();
        Assert.False(waiting.IsCompleted); // one ready ref of the two asked for: it cannot complete while the gates are shut
        second.Open();
        var (ready, notReady) = await waiting.WaitAsync(Long);

        Assert.Equal([refs[1], refs[2]], ready);
        Assert.Equal([refs[0]], notReady);
    }

    [Fact]
    public async Task WaitAsync_splits_and_orders_refs_as_Wait_does()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var blocked = Fn.Of<int, int>((x, ct) => gate.Pass(ct) ? x : -1);
        var refs = new List<ObjectRef<int>> { blocked.Remote(0), Ray.Put(1), blocked.Remote(2), Ray.Put(3), Ray.Put(4) };

        var expected = Ray.Wait(refs, numReturns: 2, timeout: Long);
        var actual = await Ray.WaitAsync(refs, numReturns: 2, timeout: Long);

        Assert.Equal([refs[1], refs[3]], actual.Ready);
        Assert.Equal(expected.Ready, actual.Ready);
        Assert.Equal(expected.NotReady, actual.NotReady);
        Assert.Equal(refs[2], actual.NotReady[1]);
    }

    [Fact]
    public async Task WaitAsync_and_Wait_continue_the_same_not_ready_list()
    {
        using var ray = TestRuntime.Start();
        IReadOnlyList<ObjectRef<int>> refs = Enumerable.Range(0, 1000).Select(i => Ray.Put(i)).ToList();
        var drained = new List<int>(refs.Count);

        while (refs.Count > 0)
        {
            (var ready, refs) = drained.Count % 2 == 0 ? await Ray.WaitAsync(refs, numReturns: Math.Min(3, refs.Count)) : Ray.Wait(refs);
            drained.AddRange(ready.Select(r => r.Get()));
        }

        Assert.Equal(Enumerable.Range(0, 1000), drained);
    }

    [Fact]
    public async Task WaitAsync_with_a_zero_timeout_only_polls()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var refs = new List<ObjectRef<bool>> { Fn.Of(ct => gate.Pass(ct)).Remote(), Ray.Put(true) };

        var poll = Ray.WaitAsync(refs, numReturns: 2, timeout: TimeSpan.Zero);

        Assert.True(poll.IsCompletedSuccessfully);
        var (ready, notReady) = await poll;
        Assert.Equal([refs[1]], ready);
        Assert.Equal([refs[0]], notReady);
        Assert.Empty((await Ray.WaitAsync(notReady, timeout: TimeSpan.Zero)).Ready);
    }

    [Fact]
    public async Task Cancelling_WaitAsync_throws_and_takes_nothing()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var pending = Fn.Of(ct => gate.Pass(ct) ? 1 : -1).Remote();
        var refs = new List<ObjectRef<int>> { pending, Ray.Put(2) };
        var (_, notReady) = Ray.Wait(refs);
        using var cancel = new CancellationTokenSource();

        var waiting = Ray.WaitAsync(notReady, cancellationToken: cancel.Token).AsTask();
        Assert.False(waiting.IsCompleted); // its only ref waits on the gate
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Long));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Ray.WaitAsync(notReady, cancellationToken: cancel.Token).AsTask());
        gate.Open();
        var (ready, rest) = await Ray.WaitAsync(notReady).AsTask().WaitAsync(Long);
        Assert.Equal([pending], ready);
        Assert.Empty(rest);
    }

    [Fact]
    public async Task WaitAsync_returns_ready_refs_even_with_a_cancelled_token()
    {
        using var ray = TestRuntime.Start();
        var refs = new List<ObjectRef<int>> { Ray.Put(1), Ray.Put(2) };

        var (ready, notReady) = await Ray.WaitAsync(refs, cancellationToken: new CancellationToken(canceled: true));

        Assert.Equal([refs[0]], ready);
        Assert.Equal([refs[1]], notReady);
    }

    [Fact]
    public void WaitAsync_rejects_duplicates_and_bad_counts_at_the_call()
    {
        using var ray = TestRuntime.Start();
        var one = Ray.Put(1);

        var duplicate = Assert.Throws<ArgumentException>(() => Ray.WaitAsync([one, one]));
        Assert.Contains("twice", duplicate.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ray.WaitAsync([one], numReturns: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ray.WaitAsync([one], numReturns: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ray.WaitAsync([one], timeout: TimeSpan.FromSeconds(-5)));
        Assert.Throws<ArgumentNullException>(() => Ray.WaitAsync<ObjectRef<int>>(null!));
    }

    [Fact]
    public async Task WaitAsync_of_no_refs_returns_empty_lists()
    {
        using var ray = TestRuntime.Start();

        var (ready, notReady) = await Ray.WaitAsync(new List<ObjectRef<int>>());

        Assert.Empty(ready);
        Assert.Empty(notReady);
    }

    [Fact]
    public async Task An_async_task_waiting_with_WaitAsync_lends_its_cpu()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        var child = Fn.Of(_ => 7);
        var parent = Fn.OfAsync(async _ =>
        {
            var refs = new List<ObjectRef<int>> { child.Remote(), child.Remote() };
            var (ready, _) = await Ray.WaitAsync(refs, numReturns: 2);
            return ready.Sum(r => r.Get());
        });

        Assert.Equal(14, await parent.Remote().GetAsync().AsTask().WaitAsync(Long));
        Assert.Equal(1, ray.Runtime.AvailableResources()["CPU"]);
    }
}
