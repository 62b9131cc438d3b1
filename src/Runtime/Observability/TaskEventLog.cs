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
    /// <summary>Submission events kept per thread (a power of two): about 40 bytes each, 320 KiB for a thread that fills its ring.</summary>
    public const int EventsPerThread = 8192;

    /// <summary>Start, end and time words kept per thread (a power of two): 8 bytes each, a task's start and end in 16.</summary>
    public const int RunWordsPerThread = 2 * EventsPerThread;

    /// <summary>The errors of failed and cancelled tasks kept (the oldest are forgotten first).</summary>
    public const int FailuresKept = EventsPerThread;

    private static int s_nextSlot;

    [ThreadStatic]
    private static int t_slot;

    private static int s_nextId;

    /// <summary>
    /// The ring this thread wrote last, of whichever log: found again with one check while the thread records for one
    /// runtime. It names its log by number, so a thread keeps at most that one ring of a disposed runtime alive.
    /// </summary>
    [ThreadStatic]
    private static TaskEventRing? t_ring;

    private readonly int _id = Interlocked.Increment(ref s_nextId);

    private readonly Lock _grow = new();
    private readonly bool _precise;
    private readonly Queue<(ulong Task, TaskFailure Failure)> _failures = new();
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
            ring.Submissions.Append(new TaskEvent { Task = task, Actor = actor, Parent = parent, Time = time, Name = name, Type = type, Count = 1 });
        }

        ring.Counts.Submitted++;
    }

    /// <summary>Records an attempt's start (a task handed off by the one that ended before it on this thread has none: that end records it).</summary>
    public void Started(ulong task, bool leavesQueue)
    {
        var ring = Ring();
        ring.AppendRun(RunEvent.Started, task, Now());
        if (leavesQueue)
        {
            ring.Counts.LeftQueue++;
        }
    }

    /// <summary>
    /// Records a task's end: finished when <paramref name="failure"/> is null, else failed or cancelled. A task that this
    /// thread runs next, handed off by this one (<paramref name="next"/>, 0 for none), starts at this end: its start
    /// word is written here, at the same time, and <see cref="Started"/> is not called for it.
    /// </summary>
    public void Ended(ulong task, TaskFailure? failure, bool leavesQueue, ulong next)
    {
        var ring = Ring();
        var time = Now();
        if (failure is null)
        {
            ring.AppendRun(RunEvent.Finished, task, time);
            ring.Counts.Finished++;
        }
        else
        {
            Failed(ring, task, failure, time);
        }

        if (leavesQueue)
        {
            ring.Counts.LeftQueue++;
        }

        if (next != 0)
        {
            ring.AppendRun(RunEvent.Started, next, time);
            ring.Counts.LeftQueue++;
        }
    }

    /// <summary>The rings, one per thread that recorded.</summary>
    public List<TaskEventRing> Rings()
    {
        var rings = new List<TaskEventRing>();
        foreach (var ring in Volatile.Read(ref _rings))
        {
            if (ring is not null)
            {
                rings.Add(ring);
            }
        }

        return rings;
    }

    /// <summary>The errors of the failed and cancelled tasks still kept, by task sequence.</summary>
    public Dictionary<ulong, TaskFailure> Failures()
    {
        lock (_failures)
        {
            var failures = new Dictionary<ulong, TaskFailure>(_failures.Count);
            foreach (var (task, failure) in _failures)
            {
                failures[task] = failure;
            }

            return failures;
        }
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

    /// <summary>A failed or cancelled end: its word, and its error kept aside (rare, so under a lock).</summary>
    private void Failed(TaskEventRing ring, ulong task, TaskFailure failure, long time)
    {
        lock (_failures)
        {
            _failures.Enqueue((task, failure));
            if (_failures.Count > FailuresKept)
            {
                _failures.Dequeue();
            }
        }

        if (failure.Error is OperationCanceledException)
        {
            ring.AppendRun(RunEvent.Cancelled, task, time);
            ring.Counts.Cancelled++;
        }
        else
        {
            ring.AppendRun(RunEvent.Failed, task, time);
            ring.Counts.Failed++;
        }
    }

    /// <summary>Stopwatch ticks: precise, or at most about a millisecond old (<see cref="CoarseClock"/>).</summary>
    private long Now() => _precise ? Stopwatch.GetTimestamp() : CoarseClock.Now;

    private TaskEventRing Ring()
    {
        var last = t_ring;
        return last is not null && last.LogId == _id ? last : t_ring = FindRing();
    }

    private TaskEventRing FindRing()
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

            var ring = rings[slot] ??= new TaskEventRing(_id, EventsPerThread, RunWordsPerThread, Thread.CurrentThread);
            Volatile.Write(ref _rings, rings);
            return ring;
        }
    }
}
