using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>Ray's python/ray/tests/test_cancel.py.</summary>
public sealed partial class TestCancel
{
    [RayRemote]
    public static int WaitFor(ObjectRef<int> t) => t.Get(Bounds.Hang);

    [RayRemote]
    public static string WaitForResult(ObjectRef<int> t)
    {
        t.Get(Bounds.Hang);
        return "Result";
    }

    [RayRemote]
    public static string WaitForResultOf(ObjectRef<string> t)
    {
        t.Get(Bounds.Hang);
        return "Result";
    }

    [RayRemote]
    public static string Combine(string a, string b) => a + b;

    [RayRemote]
    public static int Fast(int y) => y;

    [RayRemote]
    public static int PassThrough(int y) => y;

    [RayRemote]
    public static ObjectRef<int> RemoteWait(ObjectRef<int> sg) => Remote.WaitFor(sg);

    /// <summary>Ray's <c>infinite_sleep</c>: loops until cancelled (here: until its token says so).</summary>
    [RayRemote]
    public static int InfiniteSleep(bool y, CancellationToken cancellationToken)
    {
        if (y)
        {
            cancellationToken.WaitHandle.WaitOne(Bounds.Hang);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return 0;
    }

    [RayRemote(NumCpus = 1)]
    public static int Inner(CancellationToken cancellationToken)
    {
        cancellationToken.WaitHandle.WaitOne(Bounds.Hang);
        cancellationToken.ThrowIfCancellationRequested();
        return 0;
    }

    [RayRemote(NumCpus = 1)]
    public static int Outer(CancellationToken cancellationToken)
    {
        _ = Remote.Inner();
        cancellationToken.WaitHandle.WaitOne(Bounds.Hang);
        cancellationToken.ThrowIfCancellationRequested();
        return 0;
    }

    [RayRemote(NumCpus = 4)]
    public static int ManyResources() => 300;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_cancel_chain(bool useForce)
    {
        // Ports test_cancel.py::test_cancel_chain.
        using var ray = TestRuntime.Start(cpus: 1);
        var signaler = SignalActor.Remote.New();
        var obj1 = Remote.WaitFor(signaler.Wait());
        var obj2 = Remote.WaitFor(obj1);
        var obj3 = Remote.WaitFor(obj2);
        var obj4 = Remote.WaitFor(obj3);

        Assert.Empty(Ray.Wait([obj1], timeout: Bounds.Probe).Ready);
        Ray.Cancel(obj1, force: useForce);
        foreach (var ob in new[] { obj1, obj2, obj3, obj4 })
        {
            RayAssert.Cancelled(() => ob.Get(Bounds.Must));
        }

        var signaler2 = SignalActor.Remote.New();
        obj1 = Remote.WaitFor(signaler2.Wait());
        obj2 = Remote.WaitFor(obj1);
        obj3 = Remote.WaitFor(obj2);
        obj4 = Remote.WaitFor(obj3);

        Assert.Empty(Ray.Wait([obj3], timeout: Bounds.Probe).Ready);
        Ray.Cancel(obj3, force: useForce);
        foreach (var ob in new[] { obj3, obj4 })
        {
            RayAssert.Cancelled(() => ob.Get(Bounds.Must));
        }

        Assert.Throws<GetTimeoutException>(() => obj1.Get(Bounds.Probe));
        Assert.Throws<GetTimeoutException>(() => obj2.Get(Bounds.Probe));

        signaler2.Send(false);
        obj1.Get(Bounds.Must);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_cancel_multiple_dependents(bool useForce)
    {
        // Ports test_cancel.py::test_cancel_multiple_dependents.
        using var ray = TestRuntime.Start(cpus: 1);
        var signaler = SignalActor.Remote.New();
        var head = Remote.WaitFor(signaler.Wait());
        var deps = Enumerable.Range(0, 3).Select(_ => Remote.WaitFor(head)).ToList();

        Assert.Empty(Ray.Wait([head], timeout: Bounds.Probe).Ready);
        Ray.Cancel(head, force: useForce);
        foreach (var d in deps)
        {
            RayAssert.Cancelled(() => d.Get(Bounds.Must));
        }

        var head2 = Remote.WaitFor(signaler.Wait());
        var deps2 = Enumerable.Range(0, 3).Select(_ => Remote.WaitFor(head)).ToList();
        foreach (var d in deps2)
        {
            Ray.Cancel(d, force: useForce);
        }

        foreach (var d in deps2)
        {
            RayAssert.Cancelled(() => d.Get(Bounds.Must));
        }

        signaler.Send(false);
        head2.Get(Bounds.Must);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_single_cpu_cancel(bool useForce)
    {
        // Ports test_cancel.py::test_single_cpu_cancel.
        using var ray = TestRuntime.Start(cpus: 1);
        var signaler = SignalActor.Remote.New();
        var obj1 = Remote.WaitFor(signaler.Wait());
        var obj2 = Remote.WaitFor(obj1);
        var obj3 = Remote.WaitFor(obj2);
        var indep = Remote.WaitFor(signaler.Wait());

        Assert.Empty(Ray.Wait([obj3], timeout: Bounds.Probe).Ready);
        Ray.Cancel(obj3, force: useForce);
        RayAssert.Cancelled(() => obj3.Get(Bounds.Must));

        Ray.Cancel(obj1, force: useForce);
        foreach (var d in new[] { obj1, obj2 })
        {
            RayAssert.Cancelled(() => d.Get(Bounds.Must));
        }

        signaler.Send(false);
        indep.Get(Bounds.Must);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_comprehensive(bool useForce)
    {
        // Ports test_cancel.py::test_comprehensive.
        using var ray = TestRuntime.Start(cpus: 1);
        var signaler = SignalActor.Remote.New();
        var a = Remote.WaitForResult(signaler.Wait());
        var b = Remote.WaitForResult(signaler.Wait());
        var combo = Remote.Combine(a, b);
        var a2 = Remote.WaitForResultOf(a);

        Assert.Empty(Ray.Wait<ObjectRef>([a, b, a2, combo], timeout: TimeSpan.FromSeconds(1)).Ready);

        Ray.Cancel(a, force: useForce);
        RayAssert.Cancelled(() => a.Get(TimeSpan.FromSeconds(10)));
        RayAssert.Cancelled(() => a2.Get(TimeSpan.FromSeconds(40)));

        signaler.Send(false);
        RayAssert.Cancelled(() => combo.Get(Bounds.Must));
    }

    [Theory]
    [InlineData(true)]
    public void test_stress(bool useForce)
    {
        // Ports test_cancel.py::test_stress. Differs: infinite_sleep waits on its CancellationToken instead of
        // sleeping forever, because force cannot kill a thread in one process (docs/runtime.md); seeded randomness.
        using var ray = TestRuntime.Start(cpus: 1);
        var random = new Random(19);
        var first = Remote.InfiniteSleep(true);

        var sleepOrNo = Enumerable.Range(0, 100).Select(_ => random.Next(0, 2) == 1).ToList();
        var tasks = sleepOrNo.Select(y => Remote.InfiniteSleep(y)).ToList();
        var cancelled = new HashSet<ObjectRef<int>>();

        foreach (var t in tasks)
        {
            if (random.NextDouble() > 0.5)
            {
                Ray.Cancel(t, force: useForce);
                cancelled.Add(t);
            }
        }

        Ray.Cancel(first, force: useForce);
        cancelled.Add(first);

        foreach (var done in cancelled)
        {
            RayAssert.Cancelled(() => done.Get(Bounds.Must));
        }

        for (var index = 0; index < tasks.Count; index++)
        {
            if (sleepOrNo[index])
            {
                Ray.Cancel(tasks[index], force: useForce);
                cancelled.Add(tasks[index]);
            }
        }

        foreach (var t in tasks)
        {
            if (cancelled.Contains(t))
            {
                RayAssert.Cancelled(() => t.Get(Bounds.Must));
            }
            else
            {
                t.Get(Bounds.Must);
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_fast(bool useForce)
    {
        // Ports test_cancel.py::test_fast (without Ray's 0.1 s pause per task, which only works around Ray's own race).
        using var ray = TestRuntime.Start(cpus: 2);
        var random = new Random(19);
        var signaler = SignalActor.Remote.New();
        var ids = new List<ObjectRef<int>>();
        for (var i = 0; i < 100; i++)
        {
            var x = Remote.Fast(1);
            Ray.Cancel(x, force: useForce);
            ids.Add(x);
        }

        var sig = signaler.Wait();
        for (var i = 0; i < 5000; i++)
        {
            ids.Add(Remote.PassThrough(sig));
        }

        for (var index = 100; index < 5100; index++)
        {
            if (random.NextDouble() > 0.95)
            {
                Ray.Cancel(ids[index], force: useForce);
            }
        }

        signaler.Send(false);
        for (var i = 0; i < ids.Count; i++)
        {
            var error = Record.Exception(() => ids[i].Get(Bounds.Must));
            Assert.True(error is null or TaskCancelledException or RayTaskException, $"Failure on iteration {i}: {error}");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_remote_cancel(bool useForce)
    {
        // Ports test_cancel.py::test_remote_cancel.
        using var ray = TestRuntime.Start(cpus: 1);
        var signaler = SignalActor.Remote.New();
        var sig = signaler.Wait();

        var outer = Remote.RemoteWait(sig);
        var inner = outer.Get(Bounds.Must);

        Assert.Throws<GetTimeoutException>(() => inner.Get(TimeSpan.FromSeconds(1)));

        Ray.Cancel(inner, force: useForce);
        RayAssert.Cancelled(() => inner.Get(TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_recursive_cancel(bool useForce)
    {
        // Ports test_cancel.py::test_recursive_cancel (Ray cancels without force in both cases, as here). Differs:
        // inner and outer wait on their CancellationToken where Ray's loop is interrupted by KeyboardInterrupt.
        _ = useForce;
        using var ray = TestRuntime.Start(cpus: 4);
        var outerFut = Remote.Outer();
        var manyFut = Remote.ManyResources();
        Assert.Throws<GetTimeoutException>(() => manyFut.Get(TimeSpan.FromSeconds(1)));
        Ray.Cancel(outerFut);
        RayAssert.Cancelled(() => outerFut.Get(TimeSpan.FromSeconds(10)));

        Assert.Equal(300, manyFut.Get(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void test_is_canceled_sync_actor_task()
    {
        // Ports test_cancel.py::test_is_canceled_sync_actor_task: a sync actor call is not interrupted; it reads
        // IsCancelled after its get, and its ref is cancelled although it returns.
        using var ray = TestRuntime.Start(cpus: 2);
        var sig = SignalActor.Remote.New();
        var actor = CancelCheckingActor.Remote.New();

        var @ref = actor.TaskWithCancelCheck(sig);
        WaitForCondition(() => sig.CurNumWaiters().Get(Bounds.Must) == 1);

        Ray.Cancel(@ref, recursive: false);
        sig.Send(false).Get(Bounds.Must);

        Assert.Throws<TaskCancelledException>(() => @ref.Get(Bounds.Must));
        Assert.True(actor.IsCanceled().Get(Bounds.Must));
    }

    [Fact]
    public void test_is_canceled_concurrent_actor_task()
    {
        // Ports test_cancel.py::test_is_canceled_concurrent_actor_task.
        using var ray = TestRuntime.Start(cpus: 2);
        var sig = SignalActor.Remote.New();
        var actor = ConcurrentCancelCheckingActor.Remote.WithOptions(new ActorOptions { MaxConcurrency = 3 }).New();

        var refs = Enumerable.Range(0, 3).Select(i => actor.TaskWithCancelCheck(i, sig)).ToList();
        WaitForCondition(() => sig.CurNumWaiters().Get(Bounds.Must) == 3);

        Ray.Cancel(refs[1], recursive: false);
        sig.Send(false).Get(Bounds.Must);

        Assert.Throws<TaskCancelledException>(() => refs[1].Get(Bounds.Must));
        foreach (var i in new[] { 0, 2 })
        {
            Assert.Equal($"task_{i}_completed", refs[i].Get(Bounds.Must));
        }

        Assert.Equal([1], actor.GetCanceledTasks().Get(Bounds.Must));
    }

    [Fact]
    public void test_async_actor_cancel_after_task_finishes()
    {
        // Ports test_cancel.py::test_async_actor_cancel_after_task_finishes.
        using var ray = TestRuntime.Start(cpus: 2);
        var a = EmptyAsyncActor.Remote.WithOptions(new ActorOptions { MaxConcurrency = 1 }).New();
        var @ref = a.Empty();
        var ref2 = a.Empty();
        Ray.Get([@ref, ref2], Bounds.Must);
        Ray.Cancel(@ref);
        Ray.Cancel(ref2);

        // Exceptions shouldn't be raised.
        Ray.Get([@ref, ref2], Bounds.Must);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void test_cancel_recursive_chain(bool recursive)
    {
        // Ports test_cancel.py::test_cancel_recursive_chain. Differs: Ray waits until list_tasks shows four runs;
        // here the leaf waiting on the signal shows that every link is running.
        using var ray = TestRuntime.Start(cpus: 2);
        var sig = SignalActor.Remote.New();
        var r1 = RecursiveActor.Remote.New();
        var r2 = RecursiveActor.Remote.New(r1);
        var r3 = RecursiveActor.Remote.New(r2);
        var r4 = RecursiveActor.Remote.New(r3);

        var @ref = r4.Run(sig);
        WaitForCondition(() => sig.CurNumWaiters().Get(Bounds.Must) == 1);
        Ray.Cancel(@ref, recursive: recursive);
        sig.Send(false).Get(Bounds.Must);

        if (recursive)
        {
            Assert.Throws<TaskCancelledException>(() => @ref.Get(Bounds.Must));
            Assert.Throws<TaskCancelledException>(() => r4.GetChildRef().Get(Bounds.Must).Get(Bounds.Must));
            Assert.Throws<TaskCancelledException>(() => r3.GetChildRef().Get(Bounds.Must).Get(Bounds.Must));
            Assert.Throws<TaskCancelledException>(() => r2.GetChildRef().Get(Bounds.Must).Get(Bounds.Must));
        }
        else
        {
            Assert.True(r2.GetChildRef().Get(Bounds.Must).Get(Bounds.Must));
            Assert.True(r3.GetChildRef().Get(Bounds.Must).Get(Bounds.Must));
            Assert.True(r4.GetChildRef().Get(Bounds.Must).Get(Bounds.Must));
            Assert.Throws<TaskCancelledException>(() => @ref.Get(Bounds.Must));
        }
    }

    private static void WaitForCondition(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Bounds.Must, "The condition did not become true in time");
        }
    }
}
