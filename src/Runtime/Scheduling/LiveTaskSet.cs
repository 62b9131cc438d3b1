using System.Collections.Generic;
using System.Threading;

namespace RaySharp.Scheduling;

/// <summary>
/// The unfinished tasks shutdown could not find anywhere else, so it can fail their refs instead of leaving them
/// pending: tasks waiting for ref arguments, actors' constructors, and running tasks that left their thread's
/// <see cref="RunningTasks"/> slot (an async task that awaits, a task blocked under one it runs inline). A plain task
/// without ref arguments never enters: while it waits it is in the scheduler's queues, and while it runs, in its
/// thread's slot. Nor does an actor call: its actor fails it when it dies, as it does at shutdown. A task lives in the
/// slot its sequence number picks in a ring, claimed and cleared with one compare-and-swap and no lock. When that slot
/// is still held by an older live task, the task tries the same in a larger ring (made on first need), and only then
/// goes to a small locked overflow set: a million tasks waiting for ref arguments cost about 8 bytes each here.
/// </summary>
internal sealed class LiveTaskSet
{
    /// <summary>Where a task is kept, in <see cref="LocalTask.LivePlace"/>: a ring's index + 1, <see cref="Overflow"/>, or 0 (none).</summary>
    public const byte NotLive = 0;

    /// <summary>The <see cref="LocalTask.LivePlace"/> of a task in the locked overflow set.</summary>
    public const byte Overflow = byte.MaxValue;

    /// <summary>Slots of each ring, smallest first; each a power of two.</summary>
    private static readonly int[] DefaultRingSizes = [4096, 65_536, 1_048_576];

    private readonly int[] _ringSizes;
    private readonly LocalTask?[]?[] _rings;
    private readonly HashSet<LocalTask> _overflow = [];
    private volatile bool _closed;

    public LiveTaskSet()
        : this(DefaultRingSizes)
    {
    }

    /// <summary>A set with the given ring sizes (powers of two, at most 254 rings); tests use tiny ones.</summary>
    internal LiveTaskSet(int[] ringSizes)
    {
        _ringSizes = ringSizes;
        _rings = new LocalTask?[]?[ringSizes.Length];
        _rings[0] = new LocalTask?[ringSizes[0]];
    }

    /// <summary>Adds a task; false once the set is closed (the runtime shut down).</summary>
    public bool TryAdd(LocalTask task)
    {
        if (_closed)
        {
            return false;
        }

        for (var ring = 0; ring < _ringSizes.Length; ring++)
        {
            ref var slot = ref SlotOf(RingAt(ring), task);
            task.LivePlace = (byte)(ring + 1);
            if (Interlocked.CompareExchange(ref slot, task, null) is null)
            {
                // Close sets its flag and then empties the slots, and this read follows the interlocked write: either
                // Close saw the task (and fails it), or this sees the flag and takes the task back.
                if (!_closed)
                {
                    return true;
                }

                Interlocked.CompareExchange(ref slot, null, task);
                task.LivePlace = NotLive;
                return false;
            }
        }

        lock (_overflow)
        {
            if (_closed)
            {
                task.LivePlace = NotLive;
                return false;
            }

            task.LivePlace = Overflow;
            _overflow.Add(task);
            return true;
        }
    }

    /// <summary>Forgets a finished task; a no-op for one that is not (or no longer) in the set.</summary>
    public void Remove(LocalTask task)
    {
        var place = task.LivePlace;
        if (place == Overflow)
        {
            lock (_overflow)
            {
                _overflow.Remove(task);
            }
        }
        else if (place != NotLive)
        {
            Interlocked.CompareExchange(ref SlotOf(_rings[place - 1]!, task), null, task);
        }
    }

    /// <summary>Refuses new tasks and takes out every live one.</summary>
    public List<LocalTask> Close()
    {
        _closed = true;
        Interlocked.MemoryBarrier();
        var all = new List<LocalTask>();
        foreach (var ring in _rings)
        {
            for (var i = 0; ring is not null && i < ring.Length; i++)
            {
                if (Interlocked.Exchange(ref ring[i], null) is { } task)
                {
                    all.Add(task);
                }
            }
        }

        lock (_overflow)
        {
            all.AddRange(_overflow);
            _overflow.Clear();
        }

        return all;
    }

    /// <summary>The live tasks at about this moment, for the state API (a task may end or enter meanwhile); takes none out.</summary>
    public List<LocalTask> Snapshot()
    {
        var all = new List<LocalTask>();
        foreach (var ring in _rings)
        {
            for (var i = 0; ring is not null && i < ring.Length; i++)
            {
                if (Volatile.Read(ref ring[i]) is { } task)
                {
                    all.Add(task);
                }
            }
        }

        lock (_overflow)
        {
            all.AddRange(_overflow);
        }

        return all;
    }

    private static ref LocalTask? SlotOf(LocalTask?[] ring, LocalTask task) => ref ring[(int)(task.Sequence & (ulong)(ring.Length - 1))];

    /// <summary>The ring at <paramref name="index"/>, made the first time a task needs it.</summary>
    private LocalTask?[] RingAt(int index)
    {
        var ring = Volatile.Read(ref _rings[index]);
        if (ring is null)
        {
            Interlocked.CompareExchange(ref _rings[index], new LocalTask?[_ringSizes[index]], null);
            ring = Volatile.Read(ref _rings[index])!;
        }

        return ring;
    }
}
