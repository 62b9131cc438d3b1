namespace RaySharp.Observability;

/// <summary>Task counts since the runtime started, for the metrics: cumulative counters and what waits now.</summary>
internal readonly record struct TaskCounters(long Submitted, long Finished, long Failed, long Cancelled, long LeftQueue)
{
    /// <summary>Tasks submitted that have neither started nor ended.</summary>
    public long Queued => System.Math.Max(0, Submitted - LeftQueue);

    public TaskCounters Add(TaskEventRing ring)
    {
        ref readonly var counts = ref ring.Counts;
        return new(Submitted + counts.Submitted, Finished + counts.Finished, Failed + counts.Failed, Cancelled + counts.Cancelled, LeftQueue + counts.LeftQueue);
    }
}
