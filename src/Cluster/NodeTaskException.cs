using System;

namespace RaySharp.Cluster;

/// <summary>
/// A task that ran on another node failed there. As the inner exception of a <see cref="RayTaskException"/>, it stands
/// for the exception the task threw (exceptions do not travel between processes, their type, message and stack trace
/// do); on its own, it is the node's refusal to run the task, such as a function id that node does not know.
/// </summary>
public sealed class NodeTaskException : Exception
{
    /// <summary>Describes a failure on node <paramref name="nodeId"/>.</summary>
    /// <param name="nodeId">The node the task ran on.</param>
    /// <param name="remoteType">The full name of the exception's type there.</param>
    /// <param name="remoteMessage">The exception's message there.</param>
    /// <param name="remoteStackTrace">Where it was thrown, as text; empty when unknown.</param>
    public NodeTaskException(string nodeId, string remoteType, string remoteMessage, string remoteStackTrace)
        : base($"{remoteType} on node {nodeId}: {remoteMessage}")
    {
        NodeId = nodeId;
        RemoteType = remoteType;
        RemoteMessage = remoteMessage;
        RemoteStackTrace = remoteStackTrace;
    }

    /// <summary>The node the task ran (or was refused) on.</summary>
    public string NodeId { get; }

    /// <summary>The full name of the exception's type on that node.</summary>
    public string RemoteType { get; }

    /// <summary>The exception's message on that node.</summary>
    public string RemoteMessage { get; }

    /// <summary>Where the exception was thrown on that node, as text.</summary>
    public string RemoteStackTrace { get; }
}
