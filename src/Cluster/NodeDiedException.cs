using System;

namespace RaySharp.Cluster;

/// <summary>
/// A task was running or queued on a node that died (Orleans membership declared its silo dead) or shut down, and it could not be
/// run again elsewhere: its <see cref="TaskOptions.MaxRetries"/> were used up, or no live node has the resources it
/// needs. Ray raises <c>NodeDiedError</c> in this case. Raise <c>MaxRetries</c> (the default is 3) for tasks that may run
/// more than once; keep it at 0 for tasks that must not.
/// </summary>
public sealed class NodeDiedException : Exception
{
    /// <summary>Describes task <paramref name="taskName"/>, lost with node <paramref name="nodeId"/>.</summary>
    /// <param name="nodeId">The node that died.</param>
    /// <param name="taskName">The task's name.</param>
    /// <param name="attempts">How many times the task was sent to a node.</param>
    /// <param name="reason">Why it is not run again.</param>
    public NodeDiedException(string nodeId, string taskName, int attempts, string reason)
        : base($"Task '{taskName}' was lost with node {nodeId}, which died or shut down (attempt {attempts}); {reason}")
    {
        NodeId = nodeId;
        TaskName = taskName;
        Attempts = attempts;
    }

    /// <summary>The node that died.</summary>
    public string NodeId { get; }

    /// <summary>The task's name.</summary>
    public string TaskName { get; }

    /// <summary>How many times the task was sent to a node, the last one included.</summary>
    public int Attempts { get; }
}
