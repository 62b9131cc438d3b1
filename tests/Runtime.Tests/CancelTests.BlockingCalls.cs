using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;
using RaySharp.Tests.Support;
using RaySharp.Util;
using Xunit;

namespace RaySharp.Tests;

/// <summary>Ray.Cancel interrupts a running task's blocking calls, as Ray raises KeyboardInterrupt in the task.</summary>
public sealed partial class CancelTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The blocking RaySharp calls a task can make; the async ones run in an async task.</summary>
    public enum BlockingCall
    {
        Get,
        GetList,
        Wait,
        WaitAsync,
        Await,
        GetAsync,
        QueueGet,
        GeneratorForeach,
        GeneratorAwaitForeach,
        AsCompletedForeach,
        AsCompletedAwaitForeach,
    }

    public static TheoryData<BlockingCall, bool> BlockingCalls()
    {
        var data = new TheoryData<BlockingCall, bool>();
        foreach (var call in Enum.GetValues<BlockingCall>())
        {
            data.Add(call, false);
            data.Add(call, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BlockingCalls))]
    public void A_blocking_call_in_a_cancelled_task_throws_and_its_dependents_fail(BlockingCall call, bool whileBlocked)
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        using var hold = new Gate();
        using var started = new Gate();
        using var proceed = new Gate();
        var pending = new PendingSources(ray.Runtime, call, hold);
        Exception? thrown = null;
        var task = IsAsync(call)
            ? Fn.OfAsync(async ct =>
            {
                started.Open();
                _ = whileBlocked || proceed.Pass();
                try
                {
                    await pending.BlockAsync();
                }
                catch (Exception error)
                {
                    thrown = error;
                    throw;
                }

                return 0;
            }).Remote()
            : Fn.Of(ct =>
            {
                started.Open();
                _ = whileBlocked || proceed.Pass();
                try
                {
                    pending.Block();
                }
                catch (Exception error)
                {
                    thrown = error;
                    throw;
                }

                return 0;
            }).Remote();
        var dependent = Fn.Of<int, int>((x, _) => x).Remote(task);

        started.Pass();
        if (whileBlocked)
        {
            // A blocked task lends its only CPU back: that is how the test knows the call is blocked.
            Assert.True(SpinWait.SpinUntil(() => ray.Runtime.AvailableResources()["CPU"] == 1, Patience), "the task never blocked");
        }

        Ray.Cancel(task);
        proceed.Open();

        Assert.Throws<TaskCancelledException>(() => task.Get(Patience));
        Assert.IsType<TaskCancelledException>(thrown);
        Assert.Throws<TaskCancelledException>(() => dependent.Get(Patience));
    }

    [Fact]
    public void A_cancelled_task_still_reads_ready_refs()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        using var started = new Gate();
        using var proceed = new Gate();
        var ready = Ray.Put(7);
        var task = Fn.Of(_ =>
        {
            started.Open();
            proceed.Pass();
            return ready.Get();
        }).Remote();
        started.Pass();

        Ray.Cancel(task);
        proceed.Open();

        Assert.Equal(7, task.Get(Patience));
    }

    [Fact]
    public void A_sync_actor_call_is_not_interrupted_but_ends_cancelled_when_it_returns()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        using var hold = new Gate();
        var log = new ProbeLog();
        var actor = ProbeHandle.New(log);
        using var holding = new Gate();
        var signal = Fn.Of(_ =>
        {
            holding.Open();
            return hold.Pass() ? 1 : 0;
        }).Remote(new TaskOptions { NumCpus = 0 });
        holding.Pass();
        using var inCall = new Gate();
        var sawCancel = false;
        var call = actor.Run((probe, _) =>
        {
            inCall.Open();
            var value = signal.Get(Patience);
            sawCancel = Ray.GetRuntimeContext().IsCancelled;
            probe.Counter = value;
            return sawCancel ? "canceled" : "completed";
        });

        inCall.Pass();
        Ray.Cancel(call, recursive: false);
        hold.Open();

        Assert.Throws<TaskCancelledException>(() => call.Get(Patience));
        Assert.True(sawCancel);
        Assert.Equal(1, actor.Run((probe, _) => probe.Counter).Get(Patience));
    }

    [Fact]
    public void An_async_actor_call_blocked_in_an_await_is_interrupted()
    {
        using var ray = TestRuntime.Start(numCpus: 2);
        using var hold = new Gate();
        using var started = new Gate();
        var actor = ProbeHandle.New(new ProbeLog(), async: true);
        var never = Fn.Of(_ => hold.Pass() ? 1 : 0).Remote(new TaskOptions { NumCpus = 0 });
        Exception? thrown = null;
        var call = actor.RunAsync(async (_, _) =>
        {
            started.Open();
            try
            {
                return await never;
            }
            catch (Exception error)
            {
                thrown = error;
                throw;
            }
        });
        started.Pass();

        Ray.Cancel(call);

        Assert.Throws<TaskCancelledException>(() => call.Get(Patience));
        Assert.IsType<TaskCancelledException>(thrown);
        Assert.Equal(2, actor.Run((_, _) => 2).Get(Patience));
    }

    [Fact]
    public void Cancelling_a_generator_stops_its_stream_and_its_next_item_is_cancelled()
    {
        using var ray = TestRuntime.Start(numCpus: 1);
        using var afterFirst = new Gate();
        var produced = 0;
        var produce = Fn.Raw((_, invocation) => invocation.ReturnStream(Items()));
        var stream = ray.Runtime.SubmitStreaming<int>(new TaskSpec(produce, TaskArgs.None));

        using var items = stream.GetEnumerator();
        Assert.True(items.MoveNext());
        Assert.Equal(1, items.Current.Get(Patience));
        Ray.Cancel(stream);
        afterFirst.Open();

        Assert.True(items.MoveNext());
        Assert.Throws<TaskCancelledException>(() => items.Current.Get(Patience));
        Assert.False(items.MoveNext());
        Assert.Throws<TaskCancelledException>(() => stream.Completion.Get(Patience));
        Assert.Equal(2, Volatile.Read(ref produced)); // item 2 was refused and item 3 never asked for

        // The generator ignores its token: the runtime stops it at the next item it yields.
        IEnumerable<int> Items()
        {
            Interlocked.Increment(ref produced);
            yield return 1;
            afterFirst.Pass();
            Interlocked.Increment(ref produced);
            yield return 2;
            Interlocked.Increment(ref produced);
            yield return 3;
        }
    }

    [Fact]
    public void Cancelling_a_null_generator_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Ray.Cancel((ObjectRefGenerator<int>)null!));
    }

    private static bool IsAsync(BlockingCall call) =>
        call is BlockingCall.WaitAsync or BlockingCall.Await or BlockingCall.GetAsync or BlockingCall.GeneratorAwaitForeach
            or BlockingCall.AsCompletedAwaitForeach;

    /// <summary>What the blocking calls wait on: a ref, a queue and a stream that stay pending until the test ends (CPU-free).</summary>
    private sealed class PendingSources
    {
        private readonly BlockingCall _call;
        private readonly ObjectRef<int> _never;
        private readonly RayQueue<int>? _queue;
        private readonly ObjectRefGenerator<int>? _stream;

        public PendingSources(RayRuntime runtime, BlockingCall call, Gate hold)
        {
            _call = call;
            var free = new TaskOptions { NumCpus = 0 };
            using var holding = new Gate();
            _never = Fn.Of(_ =>
            {
                holding.Open();
                return hold.Pass() ? 1 : 0;
            }).Remote(free);

            // Started, so that a Get cannot run it inline instead of blocking.
            holding.Pass();
            if (call == BlockingCall.QueueGet)
            {
                _queue = new RayQueue<int>();
            }

            if (call is BlockingCall.GeneratorForeach or BlockingCall.GeneratorAwaitForeach)
            {
                var produce = Fn.Raw((_, invocation) => invocation.ReturnStream(Held(hold)));
                _stream = runtime.SubmitStreaming<int>(new TaskSpec(produce, TaskArgs.None, free));
            }
        }

        public void Block()
        {
            switch (_call)
            {
                case BlockingCall.Get:
                    _never.Get();
                    break;
                case BlockingCall.GetList:
                    Ray.Get([Ray.Put(1), _never]);
                    break;
                case BlockingCall.Wait:
                    Ray.Wait([_never], timeout: null);
                    break;
                case BlockingCall.QueueGet:
                    _queue!.Get();
                    break;
                case BlockingCall.GeneratorForeach:
                    _ = _stream!.ToList();
                    break;
                case BlockingCall.AsCompletedForeach:
                    _ = Ray.AsCompleted([_never]).ToList();
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(_call), _call, "not a sync call");
            }
        }

        public async Task BlockAsync()
        {
            switch (_call)
            {
                case BlockingCall.WaitAsync:
                    await Ray.WaitAsync([_never], timeout: null);
                    break;
                case BlockingCall.Await:
                    await _never;
                    break;
                case BlockingCall.GetAsync:
                    await _never.GetAsync();
                    break;
                case BlockingCall.GeneratorAwaitForeach:
                    await foreach (var _ in _stream!)
                    {
                    }

                    break;
                case BlockingCall.AsCompletedAwaitForeach:
                    await foreach (var _ in Ray.AsCompleted([_never]))
                    {
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(_call), _call, "not an async call");
            }
        }

        private static IEnumerable<int> Held(Gate hold)
        {
            hold.Pass();
            yield return 1;
        }
    }
}
