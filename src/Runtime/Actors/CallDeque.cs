using System;
using System.Collections.Generic;
using RaySharp.Scheduling;

namespace RaySharp.Actors;

/// <summary>
/// An actor's ordered calls: a growable ring buffer, so queueing a call allocates nothing (a <c>LinkedList</c> node
/// cost 48 bytes per call). Calls join at the back; a restart puts interrupted calls back at the front.
/// Not thread-safe: the actor guards it with its lock.
/// </summary>
internal sealed class CallDeque
{
    private LocalTask[] _items = new LocalTask[8];
    private int _head;
    private int _count;

    public int Count => _count;

    /// <summary>The first call; only when <see cref="Count"/> &gt; 0.</summary>
    public LocalTask First => _items[_head];

    /// <summary>
    /// Drops calls that finished while queued (cancelled, failed) from the front; then true when the first call can
    /// start, false when the deque is empty or its first call still waits for its ref arguments.
    /// </summary>
    public bool HeadIsReady()
    {
        while (_count > 0)
        {
            switch (First.State)
            {
                case LocalTask.Finished:
                    RemoveFirst();
                    continue;
                case LocalTask.Queued:
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    public void AddLast(LocalTask call)
    {
        GrowIfFull();
        _items[(_head + _count) & (_items.Length - 1)] = call;
        _count++;
    }

    public void AddFirst(LocalTask call)
    {
        GrowIfFull();
        _head = (_head - 1) & (_items.Length - 1);
        _items[_head] = call;
        _count++;
    }

    public LocalTask RemoveFirst()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The call queue is empty.");
        }

        var call = _items[_head];
        _items[_head] = null!;
        _head = (_head + 1) & (_items.Length - 1);
        _count--;
        return call;
    }

    /// <summary>Takes every call out, in order.</summary>
    public List<LocalTask> TakeAll()
    {
        var all = new List<LocalTask>(_count);
        while (_count > 0)
        {
            all.Add(RemoveFirst());
        }

        return all;
    }

    /// <summary>Doubles the buffer (its length stays a power of two) when every slot is taken.</summary>
    private void GrowIfFull()
    {
        if (_count < _items.Length)
        {
            return;
        }

        var grown = new LocalTask[_items.Length * 2];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _items[(_head + i) & (_items.Length - 1)];
        }

        _items = grown;
        _head = 0;
    }
}
