using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace RaySharp.Util;

/// <summary>
/// A first-in, first-out queue that tasks and actors share, kept in an actor (Ray's <c>ray.util.queue.Queue</c>).
/// Pass it to tasks and actors as an argument. Blocking calls wait in the actor, holding no thread there.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>Stored and passed by reference: it only holds the handle of the actor that keeps the items.</remarks>
[RayImmutable]
public sealed class RayQueue<T>
{
    private readonly QueueActorHandle<T> _actor;

    /// <summary>Creates a queue in the current runtime.</summary>
    /// <param name="maxSize">The most items it holds; 0 for no limit.</param>
    /// <param name="actorOptions">Options for the actor that holds the items (name, resources).</param>
    public RayQueue(int maxSize = 0, ActorOptions? actorOptions = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSize);
        MaxSize = maxSize;
        _actor = QueueActorHandle<T>.New(maxSize, actorOptions);
    }

    /// <summary>A queue read back by its formatter: bound to the actor that keeps the items.</summary>
    internal RayQueue(QueueActorHandle<T> actor, int maxSize)
    {
        MaxSize = maxSize;
        _actor = actor;
    }

    /// <summary>The most items the queue holds; 0 for no limit.</summary>
    public int MaxSize { get; }

    /// <summary>The handle of the actor that keeps the items.</summary>
    internal QueueActorHandle<T> Actor => _actor;

    /// <summary>The number of items now.</summary>
    public int Size => _actor.Size().Get();

    /// <summary>True when the queue holds no item now.</summary>
    public bool IsEmpty => Size == 0;

    /// <summary>True when the queue has a limit and is at it now.</summary>
    public bool IsFull => MaxSize > 0 && Size >= MaxSize;

    /// <summary>Adds an item, waiting for room when the queue is full.</summary>
    /// <param name="item">The item.</param>
    /// <param name="block">False fails at once when the queue is full.</param>
    /// <param name="timeout">How long to wait for room; null waits forever.</param>
    /// <exception cref="QueueFullException">There was no room in time.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative.</exception>
    public void Put(T item, bool block = true, TimeSpan? timeout = null)
    {
        ThrowIfNegative(timeout);
        if (!_actor.Put(item, block ? timeout : TimeSpan.Zero).Get())
        {
            throw Full(block ? timeout : TimeSpan.Zero);
        }
    }

    /// <summary>Adds an item without holding a thread while it waits for room.</summary>
    /// <exception cref="QueueFullException">There was no room in time.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative.</exception>
    public async Task PutAsync(T item, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ThrowIfNegative(timeout);
        if (!await _actor.Put(item, timeout).GetAsync(cancellationToken).ConfigureAwait(false))
        {
            throw Full(timeout);
        }
    }

    /// <summary>Takes the oldest item, waiting for one when the queue is empty.</summary>
    /// <param name="block">False fails at once when the queue is empty.</param>
    /// <param name="timeout">How long to wait for an item; null waits forever.</param>
    /// <exception cref="QueueEmptyException">No item came in time.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative.</exception>
    public T Get(bool block = true, TimeSpan? timeout = null)
    {
        ThrowIfNegative(timeout);
        var (found, item) = _actor.Get(block ? timeout : TimeSpan.Zero).Get();
        return found ? item : throw Empty(block ? timeout : TimeSpan.Zero);
    }

    /// <summary>Takes the oldest item without holding a thread while it waits for one.</summary>
    /// <exception cref="QueueEmptyException">No item came in time.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is negative.</exception>
    public async Task<T> GetAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ThrowIfNegative(timeout);
        var (found, item) = await _actor.Get(timeout).GetAsync(cancellationToken).ConfigureAwait(false);
        return found ? item : throw Empty(timeout);
    }

    /// <summary>Adds an item at once or throws <see cref="QueueFullException"/>.</summary>
    public void PutNoWait(T item) => Put(item, block: false);

    /// <summary>Takes an item at once or throws <see cref="QueueEmptyException"/>.</summary>
    public T GetNoWait() => Get(block: false);

    /// <summary>Adds all items at once, or none when they do not all fit.</summary>
    /// <exception cref="QueueFullException">The items do not all fit.</exception>
    public void PutNoWaitBatch(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var batch = items.ToArray();
        if (!_actor.PutBatch(batch).Get())
        {
            throw new QueueFullException($"The queue cannot take {batch.Length} more items now (max size {MaxSize}); nothing was added.");
        }
    }

    /// <summary>Takes exactly <paramref name="count"/> items at once, or none when fewer are there.</summary>
    /// <exception cref="QueueEmptyException">Fewer than <paramref name="count"/> items are there.</exception>
    public IReadOnlyList<T> GetNoWaitBatch(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _actor.GetBatch(count).Get()
            ?? throw new QueueEmptyException($"The queue holds fewer than {count} items now; nothing was taken.");
    }

    /// <summary>Ends the queue's actor; items still in it are lost.</summary>
    public void Shutdown() => Ray.Kill(_actor);

    /// <summary>Ray's <c>ValueError("'timeout' must be a non-negative number")</c>.</summary>
    private static void ThrowIfNegative(TimeSpan? timeout)
    {
        if (timeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "A queue timeout must be zero or positive; pass null to wait forever.");
        }
    }

    private QueueFullException Full(TimeSpan? timeout) => new(timeout == TimeSpan.Zero
        ? $"The queue is full (max size {MaxSize})."
        : $"The queue stayed full (max size {MaxSize}) for {timeout?.TotalSeconds:0.###} s.");

    private static QueueEmptyException Empty(TimeSpan? timeout) => new(timeout == TimeSpan.Zero
        ? "The queue is empty."
        : $"The queue stayed empty for {timeout?.TotalSeconds:0.###} s.");
}
