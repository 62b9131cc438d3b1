using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>The ambient runtime. Only this class touches Ray.Init, so its tests run one at a time.</summary>
public sealed class LifecycleTests : IDisposable
{
    public void Dispose() => Ray.Shutdown();

    [Fact]
    public void Calls_without_a_runtime_say_to_call_Init()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Ray.Put(1));
        Assert.Contains("Ray.Init()", error.Message);
        Assert.Throws<InvalidOperationException>(() => Ray.GetRuntimeContext());
        Assert.Contains("Ray.Init", Assert.Throws<InvalidOperationException>(() => Ray.State.Memory()).Message);
    }

    [Fact]
    public void Init_starts_the_ambient_runtime_that_Put_uses()
    {
        var runtime = Ray.Init(new RayOptions { NumCpus = 3 });

        Assert.True(Ray.IsInitialized);
        Assert.Same(runtime, RayRuntime.Current);
        Assert.Equal(3, Ray.ClusterResources()["CPU"]);
        Assert.Equal(42, Ray.Get(Ray.Put(42)));
    }

    [Fact]
    public void A_second_Init_throws_unless_reinit_errors_are_ignored()
    {
        var first = Ray.Init();

        var error = Assert.Throws<InvalidOperationException>(() => Ray.Init());
        Assert.Contains("Ray.Shutdown()", error.Message);
        Assert.Contains("IgnoreReinitError", error.Message);
        Assert.Same(first, Ray.Init(new RayOptions { IgnoreReinitError = true }));
    }

    [Fact]
    public void Shutdown_then_Init_starts_a_fresh_runtime()
    {
        var first = Ray.Init();
        Ray.Shutdown();

        Assert.False(Ray.IsInitialized);
        Assert.True(first.IsShutDown);
        var second = Ray.Init();
        Assert.NotSame(first, second);
        Assert.Equal(1, Ray.Get(Ray.Put(1)));
    }

    [Fact]
    public void Shutdown_fails_pending_refs_and_wakes_blocked_getters()
    {
        Ray.Init(new RayOptions { NumCpus = 1 });
        using var gate = new Gate();
        var running = Fn.Of(ct => gate.Pass(ct)).Remote();
        var queued = Fn.Of(_ => 1).Remote();
        var dependent = Fn.Of<bool, bool>((b, _) => b).Remote(running);
        var getter = new Thread(() => Assert.Throws<RuntimeShutdownException>(() => queued.Get()));
        getter.Start();

        Ray.Shutdown();

        Assert.Throws<RuntimeShutdownException>(() => running.Get(TimeSpan.FromSeconds(10)));
        Assert.Throws<RuntimeShutdownException>(() => queued.Get(TimeSpan.FromSeconds(10)));
        var error = Assert.Throws<RuntimeShutdownException>(() => dependent.Get(TimeSpan.FromSeconds(10)));
        Assert.Contains("shut down", error.Message);
        Assert.True(getter.Join(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Shutdown_fails_every_pending_ref_when_thousands_of_tasks_wait()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 1 });
        using var gate = new Gate();
        var blocker = runtime.Submit<bool>(new CompilerServices.TaskSpec(Fn.Of(ct => gate.Pass(ct)).Function, CompilerServices.TaskArgs.None));
        var pending = new ObjectRef<int>[10_000];
        var zero = Fn.Of(_ => 0).Function;
        for (var i = 0; i < pending.Length; i++)
        {
            pending[i] = runtime.Submit<int>(new CompilerServices.TaskSpec(zero, CompilerServices.TaskArgs.None));
        }

        runtime.Dispose();

        Assert.Throws<RuntimeShutdownException>(() => blocker.Get(TimeSpan.FromSeconds(10)));
        Assert.All(pending, reference => Assert.Throws<RuntimeShutdownException>(() => reference.Get(TimeSpan.FromSeconds(10))));
    }

    [Fact]
    public void Shutdown_fails_an_async_task_while_it_awaits()
    {
        using var runtime = new RayRuntime(new RayOptions { NumCpus = 1 });
        var never = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var suspended = new ManualResetEventSlim();
        var awaiting = runtime.Submit<int>(new CompilerServices.TaskSpec(Fn.OfAsync(async _ =>
            await new Suspended<int>(never.Task, suspended)).Function, CompilerServices.TaskArgs.None));
        // Its continuation is registered: the body has given its thread back, or is returning it now (either way the
        // shutdown must fail it).
        Assert.True(suspended.Wait(TimeSpan.FromSeconds(10)));

        runtime.Dispose();

        Assert.Throws<RuntimeShutdownException>(() => awaiting.Get(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Shutdown_fails_a_task_blocked_under_a_task_it_runs_inline()
    {
        Ray.Init(new RayOptions { NumCpus = 1 });
        using var gate = new Gate();
        using var innerStarted = new ManualResetEventSlim();
        ObjectRef<bool>? inner = null;
        var outer = Fn.Of(_ =>
        {
            // The only CPU is the outer task's, so its Get runs the inner task inline, on this thread, above it.
            inner = Fn.Of(_ =>
            {
                innerStarted.Set();
                return gate.Pass(); // ignores cancellation: it still blocks after shutdown
            }).Remote();
            return inner.Get();
        }).Remote();
        Assert.True(innerStarted.Wait(TimeSpan.FromSeconds(10)));

        Ray.Shutdown();

        Assert.Throws<RuntimeShutdownException>(() => inner!.Get(TimeSpan.FromSeconds(10)));
        Assert.Throws<RuntimeShutdownException>(() => outer.Get(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Every_task_submitted_while_the_runtime_shuts_down_ends()
    {
        var zero = Fn.Of(_ => 0).Function;
        for (var round = 0; round < 20; round++)
        {
            var runtime = new RayRuntime(new RayOptions { NumCpus = 2 });
            var refs = new ConcurrentQueue<ObjectRef<int>>();
            var submitters = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
            {
                try
                {
                    while (true)
                    {
                        refs.Enqueue(runtime.Submit<int>(new CompilerServices.TaskSpec(zero, CompilerServices.TaskArgs.None)));
                    }
                }
                catch (RuntimeShutdownException)
                {
                }
            })).ToArray();
            Array.ForEach(submitters, thread => thread.Start());
            Assert.True(SpinWait.SpinUntil(() => refs.Count >= 100, TimeSpan.FromSeconds(10)), "the submitters never submitted"); // shut down mid-stream

            runtime.Dispose();

            Assert.All(submitters, thread => Assert.True(thread.Join(TimeSpan.FromSeconds(10))));
            Assert.True(SpinWait.SpinUntil(() => refs.All(r => r.IsReady), TimeSpan.FromSeconds(10)), "a ref submitted during shutdown never ended");
            Assert.All(refs, r => Assert.True(!r.IsFaulted || r.Error is RuntimeShutdownException));
        }
    }

    [Fact]
    public void A_disposed_runtime_refuses_new_work()
    {
        var runtime = new RayRuntime();
        runtime.Dispose();

        Assert.Throws<RuntimeShutdownException>(() => runtime.Put(1));
    }

    [Fact]
    public void Invalid_options_are_rejected_with_the_option_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new RayRuntime(new RayOptions { NumCpus = -1 }));
        Assert.Contains("CPU", error.Message);
        Assert.Throws<ArgumentException>(() => new RayRuntime(new RayOptions { ObjectStoreMemory = 0 }));
        Assert.Throws<ArgumentException>(() => new RayRuntime(new RayOptions { Resources = new System.Collections.Generic.Dictionary<string, double> { ["CPU"] = 1 } }));
    }

    [Fact]
    public void Defaults_follow_Ray()
    {
        using var runtime = new RayRuntime();

        Assert.Equal(Environment.ProcessorCount, runtime.ClusterResources()["CPU"]);
        Assert.InRange(runtime.ObjectStoreMemory, 1, long.MaxValue);
    }
}
