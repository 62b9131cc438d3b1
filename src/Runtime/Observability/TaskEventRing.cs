using System.Threading;

namespace RaySharp.Observability;

/// <summary>
/// The task events one thread recorded for one runtime: its submissions (<see cref="TaskEvent"/>s, a run of
/// submissions from a loop sharing one) and its tasks' starts and ends (8-byte <see cref="RunEvent"/> words, in a
/// <see cref="RunRing"/>), each in a ring that only this thread writes; and the metrics' counters.
/// </summary>
internal sealed class TaskEventRing
{
    /// <summary>Counters and the last time word, padded; written by the ring's thread only.</summary>
    public TaskEventRingCounts Counts;

    /// <param name="logId">The number of the <see cref="TaskEventLog"/> it belongs to.</param>
    /// <param name="submissions">The most submission events kept.</param>
    /// <param name="runs">The most start, end and time words kept.</param>
    /// <param name="thread">The thread that writes.</param>
    public TaskEventRing(int logId, int submissions, int runs, Thread thread)
    {
        LogId = logId;
        Submissions = new EventRing<TaskEvent>(submissions);
        Runs = new RunRing(runs);
        ThreadId = thread.ManagedThreadId;
        ThreadName = thread.Name ?? (thread.IsThreadPoolThread ? "worker" : "thread");
    }

    public int LogId { get; }

    public int ThreadId { get; }

    public string ThreadName { get; }

    public EventRing<TaskEvent> Submissions { get; }

    public RunRing Runs { get; }

    /// <summary>
    /// Counts a submission into the last event when it continues it: a submission of the next sequence with the same
    /// name, type, actor, parent and time. The count is one field, written in place, so a reader sees it before or after.
    /// </summary>
    public bool TryExtendSubmission(ulong task, string name, TaskType type, ulong actor, ulong parent, long time)
    {
        ref var last = ref Submissions.Last(out var found);
        if (!found || last.Task + (ulong)last.Count != task || last.Time != time
            || !ReferenceEquals(last.Name, name) || last.Type != type || last.Actor != actor || last.Parent != parent)
        {
            return false;
        }

        Volatile.Write(ref last.Count, last.Count + 1);
        return true;
    }

    /// <summary>Appends a start or end word, after a time word when the time moved since the last one.</summary>
    public void AppendRun(ulong kind, ulong task, long time)
    {
        if (time != Counts.LastTime)
        {
            Counts.LastTime = time;
            Runs.Append(RunEvent.Of(RunEvent.Time, (ulong)time));
        }

        Runs.Append(RunEvent.Of(kind, task));
    }
}
