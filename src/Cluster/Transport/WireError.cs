using System;
using Orleans;

namespace RaySharp.Cluster.Transport;

/// <summary>Why a task failed on the node that ran it, as data: exceptions do not travel, their description does.</summary>
[GenerateSerializer, Immutable]
internal sealed class WireError
{
    public WireError(string type, string message, string stackTrace, string? taskName, ulong taskOwner, ulong taskSequence)
    {
        Type = type;
        Message = message;
        StackTrace = stackTrace;
        TaskName = taskName;
        TaskOwner = taskOwner;
        TaskSequence = taskSequence;
    }

    /// <summary>The full name of the exception's type (for a task's own exception, of the one inside <see cref="RayTaskException"/>).</summary>
    [Id(0)]
    public string Type { get; }

    [Id(1)]
    public string Message { get; }

    [Id(2)]
    public string StackTrace { get; }

    /// <summary>Set when the task itself threw (a <see cref="RayTaskException"/> there): the task's name.</summary>
    [Id(3)]
    public string? TaskName { get; }

    [Id(4)]
    public ulong TaskOwner { get; }

    [Id(5)]
    public ulong TaskSequence { get; }

    /// <summary>
    /// True when the node gave the task up because it shut down (a <see cref="RuntimeShutdownException"/> there, not
    /// thrown by the task): a system failure, which the sender retries elsewhere, as when the node dies.
    /// </summary>
    public bool IsNodeShutdown => TaskName is null && Type == typeof(RuntimeShutdownException).FullName;

    /// <summary>True when the node cancelled the task (<c>Ray.Cancel</c>), not a task that threw a cancellation of its own, which is a task error.</summary>
    public bool IsCancellation => TaskName is null && Type == typeof(TaskCancelledException).FullName;

    /// <summary>The type a draining node names when it hands a spec back (see <see cref="NodeDraining"/>).</summary>
    public const string DrainingType = "RaySharp.Cluster.NodeDraining";

    /// <summary>
    /// True when the node did not take the task because it drains (it stops cleanly): its sender places it on another
    /// node without spending a retry, as the task never started.
    /// </summary>
    public bool IsNodeDraining => TaskName is null && Type == DrainingType;

    /// <summary>A spec handed back, untouched, by node <paramref name="nodeId"/>, which drains.</summary>
    public static WireError NodeDraining(string nodeId) =>
        new(DrainingType, $"node {nodeId} is draining (it stops) and takes no new task", string.Empty, null, 0, 0);

    /// <summary>Describes <paramref name="error"/>.</summary>
    public static WireError From(Exception error) => error is RayTaskException { InnerException: { } inner } task
        ? new WireError(inner.GetType().FullName ?? inner.GetType().Name, inner.Message, task.RemoteStackTrace, task.TaskName, task.TaskId.Owner, task.TaskId.Sequence)
        : new WireError(error.GetType().FullName ?? error.GetType().Name, error.Message, error.StackTrace ?? string.Empty, null, 0, 0);

    /// <summary>The exception the caller's ref fails with: a <see cref="RayTaskException"/> when the task threw, else a <see cref="NodeTaskException"/>.</summary>
    public Exception ToException(string nodeId)
    {
        var remote = new NodeTaskException(nodeId, Type, Message, StackTrace);
        return TaskName is null ? remote : new RayTaskException(TaskName, new TaskId(TaskOwner, TaskSequence), remote);
    }
}
