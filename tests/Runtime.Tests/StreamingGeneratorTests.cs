using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// Streaming generators as Ray's: a one-pass reader that holds only the items not yet handed out, so read items are
/// freed once dropped; and a stream retried on exceptions skips the items an earlier attempt already wrote.
/// </summary>
public sealed class StreamingGeneratorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_long_stream_read_and_dropped_keeps_the_store_bounded()
    {
        // 100,000 tracked items (InlineObjectMaxBytes = 0 tracks even an int). The producer may run at most Ahead items
        // ahead of the reader, so at every checkpoint the store must hold no more than those: the items read and
        // dropped are gone, though the generator itself is still alive.
        const int Items = 100_000;
        const int Ahead = 1_000;
        using var ray = TestRuntime.Start(options: new RayOptions { NumCpus = 2, InlineObjectMaxBytes = 0 });
        using var room = new SemaphoreSlim(Ahead);
        var produce = Fn.Raw((_, invocation) => invocation.ReturnStream(Produce(room, Items)));
        var stream = ray.Runtime.SubmitStreaming<int>(new TaskSpec(produce, TaskArgs.None));

        var firstRead = ReadInto(stream, room, Items, checkpoint: () =>
        {
            Collect();
            var inStore = ItemsInStore();
            Assert.True(inStore <= Ahead + 1, $"{inStore} stream items are still in the store");
        });

        Assert.Equal(Items, stream.Count);
        Assert.True(stream.IsFinished);
        Collect();
        Assert.False(firstRead.IsAlive);
        Assert.Equal(0, ItemsInStore());
        Assert.Equal(0, Ray.State.Memory().ObjectsSpilled);
        GC.KeepAlive(stream);

        static int ItemsInStore() => Ray.State.Objects().Count(o => o.TypeName == typeof(int).FullName);
    }

    [Fact]
    public void Every_reader_takes_from_one_cursor_and_a_read_stream_yields_nothing_more()
    {
        using var ray = TestRuntime.Start();
        var produce = Fn.Raw((_, invocation) => invocation.ReturnStream(new[] { 1, 2, 3, 4 }));
        var stream = ray.Runtime.SubmitStreaming<int>(new TaskSpec(produce, TaskArgs.None));
        stream.Completion.Get(Patience);

        Assert.True(stream.TryNext(out var first));
        Assert.Equal(1, first.Get());
        using (var reader = stream.GetEnumerator())
        {
            Assert.True(reader.MoveNext());
            Assert.Equal(2, reader.Current.Get());
        }

        Assert.Equal([3, 4], stream.ToList().Select(r => r.Get()));
        Assert.Empty(stream.ToList());
        Assert.False(stream.TryNext(out _));
        Assert.True(stream.IsFinished);
        Assert.Equal(4, stream.Count);
    }

    [Fact]
    public void A_stream_retried_on_an_exception_skips_the_items_already_written()
    {
        // Ray's owner ignores an item index it already has: the retry's first two items are dropped, and readers keep
        // the first attempt's values for them.
        using var ray = TestRuntime.Start();
        var attempts = 0;
        var produce = Fn.Raw((_, invocation) => invocation.ReturnStream(Attempt(Interlocked.Increment(ref attempts))));
        var options = new TaskOptions { RetryExceptions = RetryExceptions.Of(typeof(TimeoutException)), MaxRetries = 1 };

        var refs = ray.Runtime.SubmitStreaming<int>(new TaskSpec(produce, TaskArgs.None, options)).ToList();

        Assert.Equal([10, 11, 22, 23], refs.Select(r => r.Get(Patience)));
        Assert.Equal(2, attempts);

        static IEnumerable<int> Attempt(int attempt)
        {
            yield return attempt * 10;
            yield return attempt * 10 + 1;
            if (attempt == 1)
            {
                throw new TimeoutException("first attempt");
            }

            yield return attempt * 10 + 2;
            yield return attempt * 10 + 3;
        }
    }

    [Fact]
    public void A_stream_that_fails_every_retry_ends_with_the_last_error_after_the_items_of_all_attempts()
    {
        using var ray = TestRuntime.Start();
        var attempts = 0;
        var produce = Fn.Raw((_, invocation) => invocation.ReturnStream(Attempt(Interlocked.Increment(ref attempts))));
        var options = new TaskOptions { RetryExceptions = true, MaxRetries = 2 };

        var refs = ray.Runtime.SubmitStreaming<int>(new TaskSpec(produce, TaskArgs.None, options)).ToList();

        Assert.Equal(3, attempts);
        Assert.Equal(4, refs.Count);
        Assert.Equal([1, 2, 3], refs.Take(3).Select(r => r.Get(Patience)));
        var error = Assert.Throws<RayTaskException>(() => refs[3].Get(Patience));
        Assert.Equal("attempt 3", error.InnerException!.Message);

        // Attempt n yields 1..n, then throws.
        static IEnumerable<int> Attempt(int attempt)
        {
            for (var i = 1; i <= attempt; i++)
            {
                yield return i;
            }

            throw new InvalidOperationException("attempt " + attempt);
        }
    }

    [Fact]
    public void A_stream_without_RetryExceptions_is_not_retried()
    {
        using var ray = TestRuntime.Start();
        var attempts = 0;
        var produce = Fn.Raw((_, invocation) => invocation.ReturnStream(Attempt(Interlocked.Increment(ref attempts))));

        var refs = ray.Runtime.SubmitStreaming<int>(new TaskSpec(produce, TaskArgs.None, new TaskOptions { MaxRetries = 3 })).ToList();

        Assert.Equal(1, attempts);
        Assert.Equal(2, refs.Count);
        Assert.Throws<RayTaskException>(() => refs[1].Get(Patience));

        static IEnumerable<int> Attempt(int attempt)
        {
            yield return attempt;
            throw new InvalidOperationException("no retry");
        }
    }

    private static IEnumerable<int> Produce(SemaphoreSlim room, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!room.Wait(Patience))
            {
                throw new TimeoutException("The reader stopped reading.");
            }

            yield return i;
        }
    }

    /// <summary>Reads every item and drops it; returns a weak reference to the first ref read, and checks every 10,000 items.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ReadInto(ObjectRefGenerator<int> stream, SemaphoreSlim room, int count, Action checkpoint)
    {
        WeakReference? first = null;
        var expected = 0;
        foreach (var item in stream)
        {
            Assert.Equal(expected, item.Get(Patience));
            first ??= new WeakReference(item);
            room.Release();
            if (++expected % 10_000 == 0)
            {
                checkpoint();
            }
        }

        Assert.Equal(count, expected);
        return first!;
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
