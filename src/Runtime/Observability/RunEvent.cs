namespace RaySharp.Observability;

/// <summary>
/// A start or end of a task as one 8-byte word in a <see cref="TaskEventRing"/>'s run events: its kind in the top
/// 3 bits, the task's sequence (or, for <see cref="Time"/>, Stopwatch ticks) in the other 61. A start or end happened
/// at the time of the last <see cref="Time"/> word before it, which a thread writes only when its clock moved: in a
/// stream of tasks, a task costs its end's word and, when the task before it on the thread handed it off, its start's.
/// </summary>
internal static class RunEvent
{
    /// <summary>The events that follow happened at this time (the payload, in Stopwatch ticks).</summary>
    public const ulong Time = 1;

    /// <summary>An attempt of the task started.</summary>
    public const ulong Started = 2;

    /// <summary>The task returned.</summary>
    public const ulong Finished = 3;

    /// <summary>The task failed (its error is in the log's failures).</summary>
    public const ulong Failed = 4;

    /// <summary>The task was cancelled (its error is in the log's failures).</summary>
    public const ulong Cancelled = 5;

    private const int KindShift = 61;
    private const ulong PayloadMask = (1UL << KindShift) - 1;

    public static ulong Of(ulong kind, ulong payload) => (kind << KindShift) | (payload & PayloadMask);

    public static ulong KindOf(ulong word) => word >> KindShift;

    public static ulong PayloadOf(ulong word) => word & PayloadMask;
}
