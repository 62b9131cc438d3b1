using System;
using System.Collections.Generic;
using RaySharp.Scheduling;

namespace RaySharp.Actors;

/// <summary>
/// An actor's ordered calls: a growable ring buffer, so queueing a call allocates nothing (a <c>LinkedList</c> node
/// cost 48 bytes per call). Calls join at the back; a restart puts interrupted calls back at the front; a call
/// that may pass calls still waiting for their arguments is taken from the middle.
/// Not thread-safe: the actor guards it with its lock.
/// </summary>
internal sealed class CallDeque
{
    private LocalTask[] _items = new LocalTask[8];
    private int _head;
    private int _count;

    public int Count => _count;

    /// <summary>The call at <paramref name="index"/> from the front; only below <see cref="Count"/>.</summary>
    public LocalTask this[int index] => _items[(_head + index) & (_items.Length - 1)];

    /// <summary>
    /// The index of the first call that can start (queued), or -1: calls that finished while queued (cancelled,
    /// failed) are dropped on the way, and calls still waiting for their ref arguments are passed over.
    /// </summary>
    public int FirstQueued()
    {
        for (var i = 0; i < _count;)
        {
            switch (this[i].State)
            {
                case LocalTask.Finished:
                    RemoveAt(i);
                    continue;
                case LocalTask.Queued:
                    return i;
                default:
                    i++;
                    continue;
            }
        }

        return -1;
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

    /// <summary>Takes out the call at <paramref name="index"/>; the calls before it move one place back.</summary>
    public LocalTask RemoveAt(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        var mask = _items.Length - 1;
        var call = this[index];
        for (var i = index; i > 0; i--)
        {
            _items[(_head + i) & mask] = _items[(_head + i - 1) & mask];
        }

        _items[_head] = null!;
        _head = (_head + 1) & mask;
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
