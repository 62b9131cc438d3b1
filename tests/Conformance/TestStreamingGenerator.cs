using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Conformance.Support;
using Xunit;

namespace RaySharp.Conformance;

/// <summary>
/// Ray's python/ray/tests/test_streaming_generator.py. Its unit tests of the Python ObjectRefGenerator against a
/// mocked core worker, and the cluster and fault-injection tests, are not ported.
/// </summary>
public sealed partial class TestStreamingGenerator
{
    [RayRemote]
    public static IEnumerable<int> CountFive()
    {
        for (var i = 0; i < 5; i++)
        {
            yield return i;
        }
    }

    [RayRemote]
    public static IEnumerable<int> FailAtTwo()
    {
        for (var i = 0; i < 5; i++)
        {
            if (i == 2)
            {
                throw new ArgumentException();
            }

            yield return i;
        }
    }

    [RayRemote(RetryExceptionTypes = [typeof(ArgumentException)], MaxRetries = 10)]
    public static IEnumerable<int> RetriedStream(ShouldKillActor.Handle a)
    {
        for (var i = 0; i < 5; i++)
        {
            var shouldKill = a.ShouldKill(i).Get(Bounds.Must);
            if (i == 3 && shouldKill)
            {
                throw new ArgumentException();
            }

            yield return i;
        }
    }

    [RayRemote]
    public static IEnumerable<int> SlowStream(ObjectRef<int> gate)
    {
        for (var i = 0; i < 5; i++)
        {
            if (i > 0)
            {
                gate.Get(Bounds.Must);
            }

            yield return i;
        }
    }

    [RayRemote]
    public static IEnumerable<int> FailsFirst()
    {
        throw new InvalidOperationException("UnserializableException");
#pragma warning disable CS0162 // Unreachable code: Ray's `yield 1  # noqa` that makes f a generator.
        yield return 1;
#pragma warning restore CS0162
    }

    [RayRemote(MaxRetries = 0)]
    public static IEnumerable<int[]> Generator(int numReturns, bool storeInPlasma)
    {
        for (var i = 0; i < numReturns; i++)
        {
            yield return storeInPlasma ? StreamingActor.Ones(i) : [i];
        }
    }

    [Fact]
    public void test_generator_basic()
    {
        // Ports test_streaming_generator.py::test_generator_basic: basic, exceptions, task failure (ray.kill) and
        // retry exceptions; its cancel part is test_generator_basic_cancel. Sleeps are signals.
        using var ray = TestRuntime.Start(cpus: 1);
        var i = 0;
        foreach (var r in Remote.CountFive())
        {
            Assert.Equal(i, r.Get(Bounds.Must));
            i++;
        }

        Assert.Equal(5, i);

        using (var gen = Remote.FailAtTwo().GetEnumerator())
        {
            Assert.Equal(0, Next(gen).Get(Bounds.Must));
            Assert.Equal(1, Next(gen).Get(Bounds.Must));
            Assert.Throws<RayTaskException>(() => Next(gen).Get(Bounds.Must));
            Assert.False(gen.MoveNext());
            Assert.False(gen.MoveNext());
        }

        var signal = SignalActor.Remote.New();
        var a = StreamingKillTarget.Remote.New();
        using (var gen = a.F(signal.Wait()).GetEnumerator())
        {
            i = 0;
            while (gen.MoveNext())
            {
                var r = gen.Current;
                if (i == 2)
                {
                    Ray.Kill(a);
                }

                if (i == 3)
                {
                    var error = Assert.Throws<ActorDiedException>(() => r.Get(Bounds.Must));
                    Assert.Contains("kill", error.Message, StringComparison.OrdinalIgnoreCase);
                    break;
                }

                Assert.Equal(i, r.Get(Bounds.Must));
                i++;
            }

            for (var n = 0; n < 10; n++)
            {
                Assert.False(gen.MoveNext());
            }
        }

        signal.Send(false);

        // Retry exceptions: the first attempt fails at item 3; the retry yields 0-2 again, which the generator skips
        // (Ray's owner ignores an index it already has), then 3 and 4. Ray's set sleeps 3 s; here set waits for the
        // failure and the retry waits for set, so exactly one retry happens.
        var killSwitch = ShouldKillActor.Remote.New();
        using (var gen = Remote.RetriedStream(killSwitch).GetEnumerator())
        {
            Assert.Equal(0, Next(gen).Get(Bounds.Must));
            Assert.Equal(1, Next(gen).Get(Bounds.Must));
            Assert.Equal(2, Next(gen).Get(Bounds.Must));
            _ = killSwitch.Set();
            Assert.Equal(3, Next(gen).Get(Bounds.Must));
            Assert.Equal(4, Next(gen).Get(Bounds.Must));
            Assert.False(gen.MoveNext());
        }

        Assert.Equal(1, killSwitch.Failures().Get(Bounds.Must));
    }

    [Fact]
    public void test_generator_basic_cancel()
    {
        // Ports test_streaming_generator.py::test_generator_basic's cancel part. Sleeps are signals.
        using var ray = TestRuntime.Start(cpus: 1);
        var gate = SignalActor.Remote.New();
        var slow = Remote.SlowStream(gate.Wait());
        using (var gen = slow.GetEnumerator())
        {
            Assert.Equal(0, Next(gen).Get(Bounds.Must));
            Ray.Cancel(slow.Completion);
            var cancelled = Record.Exception(() => Next(gen).Get(Bounds.Must));
            Assert.True(cancelled is RayTaskException or TaskCancelledException, $"Expected a cancellation, got {cancelled}");
            Assert.Contains("cancel", cancelled!.Message, StringComparison.OrdinalIgnoreCase);
            Assert.False(gen.MoveNext());
        }

        gate.Send(false);
    }

    [Fact]
    public void test_streaming_generator_bad_exception_not_failing()
    {
        // Ports test_streaming_generator.py::test_streaming_generator_bad_exception_not_failing: a generator that
        // throws before its first item yields one ref that throws (the "Check failed" log check has no equivalent).
        using var ray = TestRuntime.Start(cpus: 1);
        var refs = Remote.FailsFirst().ToList();
        Assert.NotEmpty(refs);
        foreach (var r in refs)
        {
            Assert.Throws<RayTaskException>(() => r.Get(Bounds.Must));
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void test_generator_streaming(bool useActors, bool storeInPlasma)
    {
        // Ports test_streaming_generator.py::test_generator_streaming: once an item's ref is dropped, the item
        // leaves the store. Every object is tracked here (InlineObjectMaxBytes = 0), so list_objects sees small ones.
        using var ray = TestRuntime.Start(new RayOptions { NumCpus = 2, InlineObjectMaxBytes = 0 });
        var gen = useActors ? StreamingActor.Remote.New().Generator(3, storeInPlasma) : Remote.Generator(3, storeInPlasma);
        var i = 0;
        while (NextItemId(gen, i, storeInPlasma) is { } id)
        {
            WaitForCondition(() =>
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                return Ray.State.Objects().All(o => o.Id != id);
            });
            i++;
        }

        Assert.Equal(3, i);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task test_actor_streaming_generator(bool storeInPlasma)
    {
        // Ports test_streaming_generator.py::test_actor_streaming_generator (sync and async generators, read with
        // next, for and async for). The plasma case puts a 40 MB array, as Ray does.
        using var ray = TestRuntime.Start(cpus: 2);
        var a = StreamingActor.Remote.New();
        var arr = storeInPlasma ? new double[5 * 1024 * 1024] : [3];

        // verify_sync_task_executor
        using (var generator = a.F(Ray.Put(arr)).GetEnumerator())
        {
            Assert.Equal(0, Next(generator).Get(Bounds.Must));
            Assert.Equal(1, Next(generator).Get(Bounds.Must));
            Assert.Equal(2, Next(generator).Get(Bounds.Must));
            Assert.False(generator.MoveNext());
        }

        var index = 0;
        foreach (var r in a.F(Ray.Put<double[]>([3])))
        {
            Assert.Equal(index++, r.Get(Bounds.Must));
        }

        // verify_async_task_executor
        using (var generator = a.AsyncF(Ray.Put(arr)).GetEnumerator())
        {
            Assert.Equal(0, Next(generator).Get(Bounds.Must));
            Assert.Equal(1, Next(generator).Get(Bounds.Must));
            Assert.Equal(2, Next(generator).Get(Bounds.Must));
        }

        // verify_sync_task_async_generator
        using var cts = new CancellationTokenSource(Bounds.Must);
        var asyncGenerator = a.F(Ray.Put(arr)).GetAsyncEnumerator(cts.Token);
        for (var expected = 0; expected < 3; expected++)
        {
            Assert.True(await asyncGenerator.MoveNextAsync());
            Assert.Equal(expected, await asyncGenerator.Current);
        }

        Assert.False(await asyncGenerator.MoveNextAsync());
        await asyncGenerator.DisposeAsync();

        var next = 0;
        await foreach (var r in a.F(Ray.Put(arr)).AsAsyncEnumerable().WithCancellation(cts.Token))
        {
            Assert.Equal(next++, await r);
        }

        // verify_async_task_async_generator
        next = 0;
        await foreach (var r in a.AsyncF(Ray.Put(arr)).AsAsyncEnumerable().WithCancellation(cts.Token))
        {
            Assert.Equal(next++, await r);
        }

        Assert.Equal(3, next);
        Assert.Equal(3, await a.G());
    }

    private static ObjectRef<T> Next<T>(IEnumerator<ObjectRef<T>> generator)
    {
        Assert.True(generator.MoveNext(), "The generator ended early");
        return generator.Current;
    }

    /// <summary>
    /// Ray's <c>next(gen)</c> and <c>del ref</c>: waits for the next ref, checks its item, and hands back only its id,
    /// so no ref to the item stays reachable (an enumerator would hold its current ref); null once the stream ended.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ObjectId? NextItemId(ObjectRefGenerator<int[]> gen, int i, bool storeInPlasma)
    {
        Assert.Single(Ray.Wait([gen], timeout: Bounds.Must).Ready);
        return gen.TryNext(out var r) ? Check(r, i, storeInPlasma) : null;
    }

    private static ObjectId Check(ObjectRef<int[]> r, int i, bool storeInPlasma)
    {
        Assert.Equal(storeInPlasma ? StreamingActor.Ones(i) : [i], r.Get(Bounds.Must));
        return r.Id;
    }

    private static void WaitForCondition(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Bounds.Must, "The condition did not become true in time");
            Thread.Yield();
        }
    }
}
