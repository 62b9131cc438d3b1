using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace RaySharp.Cluster.Tests;

/// <summary>
/// Ray's python/ray/tests/test_cancel.py, the cases that apply across nodes: the <c>wait_for</c> tasks run on node 2
/// (<see cref="CancelAcrossNodesTests.OnNode2"/>), the signal (Ray's <c>SignalActor.wait</c>) on node 1, and node 1
/// cancels. Ray's <c>valid_exceptions</c>: a cancelled task's ref fails with <see cref="TaskCancelledException"/>,
/// a task that read a cancelled ref with <see cref="RayTaskException"/> (Ray's <c>RayTaskError</c>).
/// </summary>
public sealed class TestCancel(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static CancelFunctions.RemoteStubs OnNode2 => CancelFunctions.Remote.WithOptions(CancelAcrossNodesTests.OnNode2);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_cancel_chain(bool use_force)
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var signal = CancelFunctions.Remote.Signal();
        var obj1 = OnNode2.WaitFor(signal);
        var obj2 = OnNode2.WaitFor(obj1);
        var obj3 = OnNode2.WaitFor(obj2);
        var obj4 = OnNode2.WaitFor(obj3);

        Assert.Empty(Ray.Wait([obj1], timeout: TimeSpan.FromMilliseconds(100)).Ready);
        Ray.Cancel(obj1, force: use_force);
        Assert.Throws<TaskCancelledException>(() => obj1.Get(Timeout));
        foreach (var ob in new[] { obj2, obj3, obj4 })
        {
            AssertValidException(() => ob.Get(Timeout));
        }

        CancelFunctions.Gate.Set();
        Assert.Equal(1, signal.Get(Timeout));

        CancelFunctions.Reset();
        var signal2 = CancelFunctions.Remote.Signal();
        obj1 = OnNode2.WaitFor(signal2);
        obj2 = OnNode2.WaitFor(obj1);
        obj3 = OnNode2.WaitFor(obj2);
        obj4 = OnNode2.WaitFor(obj3);

        Assert.Empty(Ray.Wait([obj3], timeout: TimeSpan.FromMilliseconds(100)).Ready);
        Ray.Cancel(obj3, force: use_force);
        Assert.Throws<TaskCancelledException>(() => obj3.Get(Timeout));
        AssertValidException(() => obj4.Get(Timeout));

        Assert.Throws<GetTimeoutException>(() => obj1.Get(TimeSpan.FromMilliseconds(100)));
        Assert.Throws<GetTimeoutException>(() => obj2.Get(TimeSpan.FromMilliseconds(100)));

        CancelFunctions.Gate.Set();
        Assert.Equal(1, obj1.Get(Timeout));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_cancel_multiple_dependents(bool use_force)
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var head = OnNode2.WaitFor(CancelFunctions.Remote.Signal());
        var deps = Enumerable.Range(0, 3).Select(_ => OnNode2.WaitFor(head)).ToList();

        Assert.Empty(Ray.Wait([head], timeout: TimeSpan.FromMilliseconds(100)).Ready);
        Ray.Cancel(head, force: use_force);
        foreach (var d in deps)
        {
            AssertValidException(() => d.Get(Timeout));
        }

        var head2 = OnNode2.WaitFor(CancelFunctions.Remote.Signal());
        var deps2 = Enumerable.Range(0, 3).Select(_ => OnNode2.WaitFor(head)).ToList();
        foreach (var d in deps2)
        {
            Ray.Cancel(d, force: use_force);
        }

        foreach (var d in deps2)
        {
            AssertValidException(() => d.Get(Timeout));
        }

        CancelFunctions.Gate.Set();
        Assert.Equal(1, head2.Get(Timeout));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_comprehensive(bool use_force)
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var a = OnNode2.WaitFor(CancelFunctions.Remote.Signal());
        var b = OnNode2.WaitFor(CancelFunctions.Remote.Signal());
        var combo = OnNode2.Combine(a, b);
        var a2 = OnNode2.WaitFor(a);

        Assert.Empty(Ray.Wait([a, b, a2], timeout: TimeSpan.FromSeconds(1)).Ready);
        Assert.Empty(Ray.Wait([combo], timeout: TimeSpan.Zero).Ready);

        Ray.Cancel(a, force: use_force);
        AssertValidException(() => a.Get(TimeSpan.FromSeconds(10)));
        AssertValidException(() => a2.Get(TimeSpan.FromSeconds(10)));

        CancelFunctions.Gate.Set();

        AssertValidException(() => combo.Get(Timeout));
        Assert.Equal(1, b.Get(Timeout));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_fast(bool use_force)
    {
        using var _ = cluster.Node1.Runtime.MakeCurrent();
        CancelFunctions.Reset();
        var ids = new List<ObjectRef<int>>();
        for (var i = 0; i < 100; i++)
        {
            var x = OnNode2.Fast(7);
            Ray.Cancel(x, force: use_force);
            ids.Add(x);
        }

        var sig = CancelFunctions.Remote.Signal();
        for (var i = 0; i < 500; i++)
        {
            ids.Add(OnNode2.Fast(sig));
        }

        var random = new Random(14);
        for (var idx = 100; idx < 600; idx++)
        {
            if (random.NextDouble() > 0.95)
            {
                Ray.Cancel(ids[idx], force: use_force);
            }
        }

        CancelFunctions.Gate.Set();
        foreach (var objRef in ids)
        {
            try
            {
                Assert.Contains(objRef.Get(Timeout), new[] { 1, 7 });
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.IsType<TaskCancelledException>(e);
            }
        }
    }

    /// <summary>Ray's <c>valid_exceptions</c>: the task was cancelled, or it read a ref that was.</summary>
    private static void AssertValidException(Action get)
    {
        var error = Assert.ThrowsAny<Exception>(get);
        Assert.True(error is TaskCancelledException or RayTaskException, $"expected TaskCancelledException or RayTaskException, got {error}");
    }
}
