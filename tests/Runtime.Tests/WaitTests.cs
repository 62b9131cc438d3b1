using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

public sealed class WaitTests
{
    [Fact]
    public void Wait_splits_refs_into_ready_and_not_ready_in_input_order()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var blocked = Fn.Of<int, int>((x, ct) => gate.Pass(ct) ? x : -1);
        var refs = new List<ObjectRef<int>> { blocked.Remote(0), Ray.Put(1), blocked.Remote(2), Ray.Put(3), Ray.Put(4) };

        var (ready, notReady) = Ray.Wait(refs, numReturns: 2, timeout: TimeSpan.FromSeconds(10));

        Assert.Equal([refs[1], refs[3]], ready);
        Assert.Equal([refs[0], refs[2], refs[4]], notReady);
        Assert.Equal(refs[2], notReady[1]);
    }

    [Fact]
    public void Wait_returns_what_is_ready_when_the_timeout_passes()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var refs = new List<ObjectRef<bool>> { Fn.Of(ct => gate.Pass(ct)).Remote(), Ray.Put(true) };

        var (ready, notReady) = Ray.Wait(refs, numReturns: 2, timeout: TimeSpan.FromMilliseconds(50));

        Assert.Equal([refs[1]], ready);
        Assert.Equal([refs[0]], notReady);
        Assert.Empty(Ray.Wait(notReady, timeout: TimeSpan.Zero).Ready);
    }

    [Fact]
    public void Wait_takes_refs_of_mixed_types()
    {
        using var ray = TestRuntime.Start();
        var refs = new List<ObjectRef> { Ray.Put(1), Ray.Put("two"), Ray.Put(3.0) };

        var (ready, notReady) = Ray.Wait(refs, numReturns: 3);

        Assert.Equal(refs, ready);
        Assert.Empty(notReady);
    }

    [Fact]
    public void Wait_treats_a_failed_ref_as_ready()
    {
        using var ray = TestRuntime.Start();
        var failed = Fn.Of<int>(_ => throw new InvalidOperationException("boom")).Remote();

        var (ready, _) = Ray.Wait([failed], timeout: TimeSpan.FromSeconds(10));

        Assert.Equal([failed], ready);
        Assert.Throws<RayTaskException>(() => failed.Get());
    }

    [Fact]
    public void Wait_rejects_duplicates_and_bad_counts()
    {
        using var ray = TestRuntime.Start();
        var one = Ray.Put(1);

        var duplicate = Assert.Throws<ArgumentException>(() => Ray.Wait([one, one]));
        Assert.Contains("twice", duplicate.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ray.Wait([one], numReturns: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ray.Wait([one], numReturns: 0));
        Assert.Empty(Ray.Wait(new List<ObjectRef<int>>()).Ready);
    }

    [Fact]
    public void Earlier_not_ready_lists_stay_unchanged_after_later_waits()
    {
        using var ray = TestRuntime.Start();
        var refs = Enumerable.Range(0, 10).Select(i => Ray.Put(i)).ToList();

        var first = Ray.Wait(refs, numReturns: 3).NotReady;
        var second = Ray.Wait(first, numReturns: 3).NotReady;

        Assert.Equal(refs.Skip(3), first);
        Assert.Equal(refs.Skip(6), second);
        Assert.Equal(refs[5], first[2]);
        Assert.Equal(Ray.Wait(first, numReturns: 7).Ready, refs.Skip(3));
    }

    [Fact]
    public void AsCompleted_yields_refs_as_they_finish()
    {
        using var ray = TestRuntime.Start(numCpus: 3);
        using var first = new Gate();
        using var second = new Gate();
        var refs = new List<ObjectRef<int>>
        {
            Fn.Of(ct => first.Pass(ct) ? 0 : -1).Remote(),
            Fn.Of(ct => second.Pass(ct) ? 1 : -1).Remote(),
            Ray.Put(2),
        };
        var seen = new List<int>();

        foreach (var done in Ray.AsCompleted(refs))
        {
            seen.Add(done.Get());
            if (seen.Count == 1)
            {
                second.Open();
            }
            else if (seen.Count == 2)
            {
                first.Open();
            }
        }

        Assert.Equal([2, 1, 0], seen);
    }

    [Fact]
    public async Task AsCompleted_works_with_await_foreach()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        using var gate = new Gate();
        var refs = new List<ObjectRef<int>> { Fn.Of(ct => gate.Pass(ct) ? 0 : -1).Remote(), Ray.Put(1) };
        var seen = new List<int>();

        await foreach (var done in Ray.AsCompleted(refs))
        {
            seen.Add(await done);
            gate.Open();
        }

        Assert.Equal([1, 0], seen);
    }
}
