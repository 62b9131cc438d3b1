using System;

namespace RaySharp;

/// <summary>One task, as <see cref="RuntimeState.Tasks"/> lists it (a row of Ray's <c>ray list tasks</c>).</summary>
/// <param name="Id">The task's id (its first result's object id has the same owner and sequence).</param>
/// <param name="Name">The task's name: <see cref="TaskOptions.Name"/> when set, else the function's full name.</param>
/// <param name="Type">A remote function, an actor's constructor, or an actor call.</param>
/// <param name="State">Pending, running, finished, failed or cancelled.</param>
/// <param name="Attempts">How many times it started running (a retry starts it again); 0 while pending.</param>
/// <param name="ActorId">The actor it constructs or calls; null for a remote function.</param>
/// <param name="ParentTaskId">The task that submitted it; null when the driver (code outside any task) did.</param>
/// <param name="NodeId">The node it runs on (<see cref="NodeInfo.NodeId"/>).</param>
/// <param name="WorkerThreadId">The managed thread id its latest attempt started on; null while pending.</param>
/// <param name="CreationTime">When it was submitted (never after <paramref name="StartTime"/>); null when that event was dropped from the bounded history. Task times are exact to about a millisecond unless <see cref="RayOptions.PreciseTaskTimes"/> is on.</param>
/// <param name="StartTime">When its latest attempt started; null while pending.</param>
/// <param name="EndTime">When it finished, failed or was cancelled; null before.</param>
/// <param name="ErrorType">The full type name of the exception it failed with (the original one, not the <see cref="RayTaskException"/> wrapper); null unless failed or cancelled.</param>
/// <param name="ErrorMessage">That exception's message; null unless failed or cancelled.</param>
public sealed record TaskInfo(
    TaskId Id,
    string Name,
    TaskType Type,
    TaskState State,
    int Attempts,
    ActorId? ActorId,
    TaskId? ParentTaskId,
    string NodeId,
    int? WorkerThreadId,
    DateTimeOffset? CreationTime,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime,
    string? ErrorType,
    string? ErrorMessage);
