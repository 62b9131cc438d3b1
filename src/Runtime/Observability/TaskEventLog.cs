using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace RaySharp.Observability;

/// <summary>
/// A runtime's bounded task history: one <see cref="TaskEventRing"/> per thread that records, found through a
/// thread-static slot number, so recording takes no lock and shares no cache line between threads. The state API,
/// the timeline and the metrics read it; a task that left every ring is forgotten (as Ray drops task events past
/// its limit).
/// </summary>
internal sealed class TaskEventLog
{
    /// <summary>Events kept per thread (a power of two): about 48 bytes each, 384 KiB for a thread that fills its ring.</summary>
    public const int EventsPerThread = 8192;

    private static int s_nextSlot;

    [ThreadStatic]
    private static int t_slot;

    private readonly Lock _grow = new();
    private readonly bool _precise;
    private TaskEventRing?[] _rings = new TaskEventRing?[16];

    /// <param name="precise">Read the precise clock for every event (<see cref="RayOptions.PreciseTaskTimes"/>), else the coarse one.</param>
    public TaskEventLog(bool precise) => _precise = precise;

    /// <summary>
    /// Records a task's acceptance on the submitting thread: the name, type, actor and parent that the task's other
    /// events leave out. A submission that continues the thread's last one (the next sequence, the same function,
    /// caller and millisecond, as in a loop of submits) only counts itself into that one's event.
    /// </summary>
    public void Submitted(ulong task, string name, TaskType type, ulong actor, ulong parent)
    {
        var ring = Ring();
        var time = Now();
        if (!ring.TryExtendSubmission(task, name, type, actor, parent, time))
        {
            ring.Append(new TaskEvent { Task = task, Actor = actor, Parent = parent, Time = time, Detail = name, Kind = TaskEventKind.Submitted, Type = type, Count = 1 });
        }

        ring.Submitted++;
    }

    /// <summary>Records an attempt's start (a task handed off by the one that ended before it on this thread has none: that end names it).</summary>
    public void Started(ulong task, bool leavesQueue)
    {
        var ring = Ring();
        ring.Append(new TaskEvent { Task = task, Time = Now(), Kind = TaskEventKind.Started });
        if (leavesQueue)
        {
            ring.LeftQueue++;
        }
    }

    /// <summary>
    /// Records a task's end: finished when <paramref name="failure"/> is null, else failed or cancelled. A task that this
    /// thread runs next, handed off by this one (<paramref name="next"/>, 0 for none), starts at this end, with no
    /// event of its own.
    /// </summary>
    public void Ended(ulong task, TaskFailure? failure, bool leavesQueue, ulong next)
    {
        var ring = Ring();
        var outcome = failure is null ? TaskState.Finished : failure.Error is OperationCanceledException ? TaskState.Cancelled : TaskState.Failed;
        ring.Append(new TaskEvent { Task = task, Parent = next, Time = Now(), Detail = failure, Kind = TaskEventKind.Ended, Outcome = outcome });
        switch (outcome)
        {
            case TaskState.Finished:
                ring.Finished++;
                break;
            case TaskState.Failed:
                ring.Failed++;
                break;
            default:
                ring.Cancelled++;
                break;
        }

        if (leavesQueue)
        {
            ring.LeftQueue++;
        }

        if (next != 0)
        {
            ring.LeftQueue++;
        }
    }

    /// <summary>Every event still held, each with the ring (thread) that recorded it.</summary>
    public List<(TaskEvent Event, TaskEventRing Ring)> Snapshot()
    {
        var events = new List<(TaskEvent, TaskEventRing)>();
        foreach (var ring in Volatile.Read(ref _rings))
        {
            ring?.CopyTo(events);
        }

        return events;
    }

    /// <summary>The metrics' counters, summed over the threads.</summary>
    public TaskCounters Counters()
    {
        var counters = default(TaskCounters);
        foreach (var ring in Volatile.Read(ref _rings))
        {
            if (ring is not null)
            {
                counters = counters.Add(ring);
            }
        }

        return counters;
    }

    /// <summary>Stopwatch ticks: precise, or at most about a millisecond old (<see cref="CoarseClock"/>).</summary>
    private long Now() => _precise ? Stopwatch.GetTimestamp() : CoarseClock.Now;

    private TaskEventRing Ring()
    {
        var slot = t_slot;
        if (slot == 0)
        {
            slot = t_slot = Interlocked.Increment(ref s_nextSlot);
        }

        var rings = Volatile.Read(ref _rings);
        return (uint)slot < (uint)rings.Length && rings[slot] is { } ring ? ring : AddRing(slot);
    }

    private TaskEventRing AddRing(int slot)
    {
        lock (_grow)
        {
            var rings = _rings;
            if (slot >= rings.Length)
            {
                Array.Resize(ref rings, Math.Max(slot + 1, rings.Length * 2));
            }

            var ring = rings[slot] ??= new TaskEventRing(EventsPerThread, Thread.CurrentThread);
            Volatile.Write(ref _rings, rings);
            return ring;
        }
    }
}
