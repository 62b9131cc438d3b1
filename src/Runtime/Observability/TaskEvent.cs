namespace RaySharp.Observability;

/// <summary>
/// One record in a <see cref="TaskEventRing"/>: plain data (no reference to the task, so the history never keeps a
/// task's arguments or results alive). The thread is the ring's.
/// </summary>
internal struct TaskEvent
{
    /// <summary>The task's sequence (its <see cref="TaskId.Sequence"/>).</summary>
    public ulong Task;

    /// <summary>For <see cref="TaskEventKind.Submitted"/>: the sequence of the actor it constructs or calls; 0 for a remote function.</summary>
    public ulong Actor;

    /// <summary>
    /// For <see cref="TaskEventKind.Submitted"/>: the submitting task's sequence, 0 for the driver. For
    /// <see cref="TaskEventKind.Ended"/>: the task this thread runs next, handed off, which starts at this end; 0 for none.
    /// </summary>
    public ulong Parent;

    /// <summary>Stopwatch ticks, precise or coarse (<see cref="TaskEventLog"/>).</summary>
    public long Time;

    /// <summary>For <see cref="TaskEventKind.Submitted"/>: the task's name; for <see cref="TaskEventKind.Ended"/> with an error: a <see cref="TaskFailure"/>.</summary>
    public object? Detail;

    public TaskEventKind Kind;

    /// <summary>For <see cref="TaskEventKind.Submitted"/>: a task, an actor's constructor or an actor call.</summary>
    public TaskType Type;

    /// <summary>For <see cref="TaskEventKind.Ended"/>: finished, failed or cancelled.</summary>
    public TaskState Outcome;

    /// <summary>For <see cref="TaskEventKind.Submitted"/>: the tasks it stands for, of sequences <see cref="Task"/> on.</summary>
    public int Count;
}
