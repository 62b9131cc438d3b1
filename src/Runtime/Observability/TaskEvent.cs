namespace RaySharp.Observability;

/// <summary>
/// A submission (or a run of submissions) in a <see cref="TaskEventRing"/>: plain data (no reference to the task, so
/// the history never keeps a task's arguments or results alive) carrying what the task's start and end words leave
/// out. The thread is the ring's.
/// </summary>
internal struct TaskEvent
{
    /// <summary>The task's sequence (its <see cref="TaskId.Sequence"/>).</summary>
    public ulong Task;

    /// <summary>The sequence of the actor it constructs or calls; 0 for a remote function.</summary>
    public ulong Actor;

    /// <summary>The submitting task's sequence, 0 for the driver.</summary>
    public ulong Parent;

    /// <summary>Stopwatch ticks, precise or coarse (<see cref="TaskEventLog"/>).</summary>
    public long Time;

    /// <summary>The task's name.</summary>
    public string Name;

    /// <summary>A task, an actor's constructor or an actor call.</summary>
    public TaskType Type;

    /// <summary>The tasks it stands for, of sequences <see cref="Task"/> on.</summary>
    public int Count;
}
