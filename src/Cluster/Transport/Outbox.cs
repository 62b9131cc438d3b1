using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Cluster.Transport;

/// <summary>
/// Batches what one node sends another: items queue without a lock, and one pump at a time sends everything queued
/// (up to <paramref name="maxBatch"/> items, or <see cref="MaxBatchBytes"/> as <paramref name="sizeOf"/> counts them)
/// in one grain call, so a batch stays far below Orleans' maximum message size (100 MB by default). While a call is on
/// its way (or, for a one-way call, while the pump yields the thread once), the next batch fills, so the batches grow
/// with the load and a lone item leaves at once, sent by the thread that posted it.
/// </summary>
/// <typeparam name="T">The item: a task spec or a result.</typeparam>
internal sealed class Outbox<T>(Func<List<T>, Task> send, Action<List<T>, Exception> failed, Func<T, int> sizeOf, int maxBatch = 4096)
{
    /// <summary>The bytes after which a batch takes no more items; an item larger than that goes alone.</summary>
    public const int MaxBatchBytes = 8 << 20;

    private readonly ConcurrentQueue<T> _queue = new();
    private int _pumping;
    private long _batches;
    private long _items;

    /// <summary>Grain calls made so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Items sent so far.</summary>
    public long Items => Interlocked.Read(ref _items);

    /// <summary>
    /// When set, sends the first batch of each run of the pump (a lone item, after a pause): a one-way call there saves
    /// the reply's latency, while the later batches of a busy run wait for their replies, which is what lets them fill.
    /// </summary>
    public Func<List<T>, Task>? SendFirst { get; init; }

    /// <summary>True when nothing waits to be sent and no grain call of this outbox is on its way.</summary>
    public bool IsIdle => _queue.IsEmpty && Volatile.Read(ref _pumping) == 0;

    public void Post(T item)
    {
        _queue.Enqueue(item);
        if (Interlocked.CompareExchange(ref _pumping, 1, 0) == 0)
        {
            // The poster sends the first batch itself (a grain call returns once its message is queued), saving a hop.
            _ = PumpAsync();
        }
    }

    private async Task PumpAsync()
    {
        var first = true;
        while (true)
        {
            var batch = new List<T>();
            var bytes = 0L;
            while (batch.Count < maxBatch && bytes < MaxBatchBytes && _queue.TryDequeue(out var item))
            {
                batch.Add(item);
                bytes += sizeOf(item);
            }

            if (batch.Count == 0)
            {
                // A full fence (not a plain write): the check below must not read the queue before the flag dropped, or an
                // item posted in between (whose poster saw the flag still up) would wait for the next post.
                Interlocked.Exchange(ref _pumping, 0);
                // An item queued after the drain but before the flag dropped would wait for the next post: take it now.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _pumping, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _items, batch.Count);
            try
            {
                var sending = first && SendFirst is { } sendFirst ? sendFirst(batch) : send(batch);
                first = false;
                if (sending.IsCompleted)
                {
                    // A one-way call returns at once: go on off the poster's thread, so the next batch fills meanwhile.
                    await Task.Yield();
                }

                await sending.ConfigureAwait(false);
            }
            catch (Exception error)
            {
                failed(batch, error);
            }
        }
    }
}
