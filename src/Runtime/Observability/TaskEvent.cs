namespace RaySharp.Observability;

/// <summary>
/// One record in a <see cref="TaskEventRing"/>: plain data (no reference to the task, so the history never keeps a
/// task's arguments or results alive). The thread is the ring's.
/// </summary>
internal struct TaskEvent
{
    /// <summary>The task's sequence (its <see cref="TaskId.Sequence"/>).</summary>
    public ulong Task;

    /// <summary>The sequence of the actor it constructs or calls; 0 for a remote function.</summary>
    public ulong Actor;

    /// <summary>
    /// For <see cref="TaskEventKind.Submitted"/>: the submitting task's sequence, 0 for the driver. For
    /// <see cref="TaskEventKind.Ended"/>: the task this thread runs next, handed off, which starts at this end; 0 for none.
    /// </summary>
    public ulong Parent;

    /// <summary>Stopwatch ticks, precise or coarse (<see cref="TaskEventLog"/>).</summary>
    public long Time;

    /// <summary>The task's name, or a <see cref="TaskFailure"/> when it ended with an error.</summary>
    public object? Detail;

    public TaskEventKind Kind;

    public TaskType Type;

    /// <summary>For <see cref="TaskEventKind.Ended"/>: finished, failed or cancelled.</summary>
    public TaskState Outcome;
}
