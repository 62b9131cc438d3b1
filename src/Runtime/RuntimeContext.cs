using System.Collections.Generic;
using System.Threading;

namespace RaySharp;

/// <summary>
/// Where the calling code runs, as Ray's <c>get_runtime_context()</c>: inside a task (its id, name, resources and
/// cancellation) or on the driver.
/// </summary>
/// <remarks>A snapshot taken when it is read; it never changes, so a task can return it by reference.</remarks>
[RayImmutable]
public sealed class RuntimeContext
{
    internal static RuntimeContext Driver { get; } = new(null, null, null, new Dictionary<string, double>(), false, CancellationToken.None);

    internal RuntimeContext(TaskId? taskId, string? taskName, ActorId? actorId, IReadOnlyDictionary<string, double> assignedResources, bool isCancelled, CancellationToken cancellationToken)
    {
        TaskId = taskId;
        ActorId = actorId;
        TaskName = taskName;
        AssignedResources = assignedResources;
        IsCancelled = isCancelled;
        CancellationToken = cancellationToken;
    }

    /// <summary>The current task's id, or null on the driver.</summary>
    public TaskId? TaskId { get; }

    /// <summary>The current task's name, or null on the driver.</summary>
    public string? TaskName { get; }

    /// <summary>The actor the current call runs on, or null outside actor methods.</summary>
    public ActorId? ActorId { get; }

    /// <summary>True when the caller runs inside a task.</summary>
    public bool IsInTask => TaskId is not null;

    /// <summary>The resources the task holds (name → amount); empty on the driver.</summary>
    public IReadOnlyDictionary<string, double> AssignedResources { get; }

    /// <summary>True once <see cref="Ray.Cancel"/> was called for the current task.</summary>
    public bool IsCancelled { get; }

    /// <summary>Signalled when the current task is cancelled; <see cref="CancellationToken.None"/> on the driver.</summary>
    public CancellationToken CancellationToken { get; }
}
