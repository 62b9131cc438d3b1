using System.Collections.Generic;
using System.Threading;

namespace RaySharp.Scheduling;

/// <summary>
/// Every task a backend accepted and has not finished, so shutdown can fail their refs instead of leaving them
/// pending. A task lives in the slot its sequence number picks in a ring, claimed and cleared with one
/// compare-and-swap and no lock; the submitter and the finishing worker touch the same slot hundreds of tasks
/// apart, so they rarely share a cache line. A task whose slot is still held by an older live one goes to a small
/// locked overflow set instead.
/// </summary>
internal sealed class LiveTaskSet
{
    private const int RingSize = 4096;

    private readonly LocalTask?[] _ring = new LocalTask?[RingSize];
    private readonly HashSet<LocalTask> _overflow = [];
    private volatile bool _closed;

    /// <summary>Where a task is kept, in <see cref="LocalTask.LivePlace"/>.</summary>
    public enum Place : byte
    {
        None,
        Ring,
        Overflow,
    }

    /// <summary>Adds a task; false once the set is closed (the runtime shut down).</summary>
    public bool TryAdd(LocalTask task)
    {
        if (_closed)
        {
            return false;
        }

        ref var slot = ref SlotOf(task);
        task.LivePlace = Place.Ring;
        if (Interlocked.CompareExchange(ref slot, task, null) is null)
        {
            // Close sets its flag and then empties the slots, and this read follows the interlocked write: either
            // Close saw the task (and fails it), or this sees the flag and takes the task back.
            if (!_closed)
            {
                return true;
            }

            Interlocked.CompareExchange(ref slot, null, task);
            return false;
        }

        lock (_overflow)
        {
            if (_closed)
            {
                return false;
            }

            task.LivePlace = Place.Overflow;
            _overflow.Add(task);
            return true;
        }
    }

    /// <summary>Forgets a finished task; a no-op for one that is not (or no longer) in the set.</summary>
    public void Remove(LocalTask task)
    {
        switch (task.LivePlace)
        {
            case Place.Ring:
                Interlocked.CompareExchange(ref SlotOf(task), null, task);
                break;
            case Place.Overflow:
                lock (_overflow)
                {
                    _overflow.Remove(task);
                }

                break;
        }
    }

    /// <summary>Refuses new tasks and takes out every live one.</summary>
    public List<LocalTask> Close()
    {
        _closed = true;
        Interlocked.MemoryBarrier();
        var all = new List<LocalTask>();
        for (var i = 0; i < _ring.Length; i++)
        {
            if (Interlocked.Exchange(ref _ring[i], null) is { } task)
            {
                all.Add(task);
            }
        }

        lock (_overflow)
        {
            all.AddRange(_overflow);
            _overflow.Clear();
        }

        return all;
    }

    private ref LocalTask? SlotOf(LocalTask task) => ref _ring[(int)(task.Sequence & (RingSize - 1))];
}
