using System;
using System.Collections.Generic;
using System.Threading;

namespace RaySharp.Observability;

/// <summary>
/// The task events one thread recorded for one runtime: a single writer (that thread) appends without locks or
/// interlocked operations; readers copy concurrently and drop what the writer may have overwritten meanwhile.
/// It starts small and doubles up to its capacity, then overwrites its oldest events.
/// </summary>
internal sealed class TaskEventRing
{
    private const int InitialSize = 64;
    private readonly int _capacity;
    private TaskEvent[] _events = new TaskEvent[InitialSize];
    private long _written;

    public TaskEventRing(int capacity, Thread thread)
    {
        _capacity = capacity;
        ThreadId = thread.ManagedThreadId;
        ThreadName = thread.Name ?? (thread.IsThreadPoolThread ? "worker" : "thread");
    }

    public int ThreadId { get; }

    public string ThreadName { get; }

    // Counters for the metrics, written only by the ring's thread and read racily (whole longs) by collectors.
    public long Submitted;
    public long LeftQueue;
    public long Finished;
    public long Failed;
    public long Cancelled;

    public void Append(in TaskEvent item)
    {
        var index = _written;
        var events = _events;
        if (index >= events.Length && events.Length < _capacity)
        {
            events = Grow(events);
        }

        events[(int)(index & (events.Length - 1))] = item;
        Volatile.Write(ref _written, index + 1);
    }

    /// <summary>
    /// Counts a submission into the last event when it continues it: a submission of the next sequence with the same
    /// name, type, actor, parent and time. The count is one field, written in place, so a reader sees it before or after.
    /// </summary>
    public bool TryExtendSubmission(ulong task, string name, TaskType type, ulong actor, ulong parent, long time)
    {
        var index = _written - 1;
        if (index < 0)
        {
            return false;
        }

        ref var last = ref _events[(int)(index & (_events.Length - 1))];
        if (last.Kind != TaskEventKind.Submitted || last.Task + (ulong)last.Count != task || last.Time != time
            || !ReferenceEquals(last.Detail, name) || last.Type != type || last.Actor != actor || last.Parent != parent)
        {
            return false;
        }

        Volatile.Write(ref last.Count, last.Count + 1);
        return true;
    }

    /// <summary>Adds the events still held to <paramref name="into"/>, oldest first, each with this ring.</summary>
    public void CopyTo(List<(TaskEvent Event, TaskEventRing Ring)> into)
    {
        var end = Volatile.Read(ref _written);
        var events = Volatile.Read(ref _events);
        var start = Math.Max(0, end - events.Length);
        var copy = new TaskEvent[end - start];
        for (var i = start; i < end; i++)
        {
            copy[i - start] = events[(int)(i & (events.Length - 1))];
        }

        // A write in progress (index `after`) overwrites the slot of index after - length: keep only later ones.
        var after = Volatile.Read(ref _written);
        var validFrom = Math.Max(start, after - events.Length + 1);
        for (var i = validFrom; i < end; i++)
        {
            into.Add((copy[i - start], this));
        }
    }

    private TaskEvent[] Grow(TaskEvent[] events)
    {
        var grown = new TaskEvent[Math.Min(events.Length * 2, _capacity)];
        Array.Copy(events, grown, events.Length);
        Volatile.Write(ref _events, grown);
        return grown;
    }
}
