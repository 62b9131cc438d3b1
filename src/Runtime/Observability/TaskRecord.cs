using System;
using System.Diagnostics;

namespace RaySharp.Observability;

/// <summary>One task as its events describe it: what the state API lists and the timeline draws.</summary>
[DebuggerDisplay("{Name,nq} {Sequence} {State}")]
internal sealed class TaskRecord(ulong sequence)
{
    public ulong Sequence { get; } = sequence;

    public string Name { get; set; } = "";

    public TaskType Type { get; set; }

    public ulong Actor { get; set; }

    public ulong Parent { get; set; }

    /// <summary>Stopwatch ticks of the submission; 0 when that event was dropped.</summary>
    public long SubmittedAt { get; set; }

    /// <summary>The thread that submitted it (and ran its parent then); 0 when unknown.</summary>
    public int SubmitThread { get; set; }

    public int Attempts { get; set; }

    /// <summary>Stopwatch ticks of the latest attempt's start; 0 while pending.</summary>
    public long StartedAt { get; set; }

    public int StartThread { get; set; }

    public string StartThreadName { get; set; } = "";

    /// <summary>Stopwatch ticks of its end; 0 before.</summary>
    public long EndedAt { get; set; }

    public TaskState State { get; set; }

    public Exception? Error { get; set; }

    public TaskInfo ToInfo(ulong owner, string nodeId, RuntimeClock clock) => new(
        new TaskId(owner, Sequence),
        Name,
        Type,
        State,
        Attempts,
        Actor == 0 ? null : new ActorId(owner, Actor),
        Parent == 0 ? null : new TaskId(owner, Parent),
        nodeId,
        StartThread == 0 ? null : StartThread,
        CreationTime(clock),
        StartedAt == 0 ? null : clock.FromTimestamp(StartedAt),
        EndedAt == 0 ? null : clock.FromTimestamp(EndedAt),
        Error?.GetType().FullName,
        Error?.Message);

    /// <summary>The submission in wall time; a coarse clock (<see cref="CoarseClock"/>) may read it later than the start on another thread, so it is capped there.</summary>
    private DateTimeOffset? CreationTime(RuntimeClock clock)
    {
        if (SubmittedAt == 0)
        {
            return null;
        }

        var created = clock.FromTimestamp(SubmittedAt);
        return StartedAt != 0 && clock.FromTimestamp(StartedAt) < created ? clock.FromTimestamp(StartedAt) : created;
    }
}
