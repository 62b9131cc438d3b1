using Microsoft.Extensions.Logging;

namespace RaySharp.Observability.Logging;

/// <summary>What <see cref="RayLogCategories.Cluster"/> logs, from a cluster node's or driver's view of the other nodes.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 4000, EventName = "NodeJoined", Level = LogLevel.Information, Message = "Node {NodeId} joined: {Resources}")]
    public static partial void NodeJoined(this ILogger logger, string nodeId, string resources);

    [LoggerMessage(EventId = 4001, EventName = "NodeLeft", Level = LogLevel.Information, Message = "Node {NodeId} left the active nodes; nothing more is placed on it")]
    public static partial void NodeLeft(this ILogger logger, string nodeId);

    [LoggerMessage(EventId = 4002, EventName = "NodeDied", Level = LogLevel.Warning,
        Message = "Node {NodeId} is dead: {PendingTasks} task(s) placed on it run again elsewhere while their retries last, and its actors are restarted or die")]
    public static partial void NodeDied(this ILogger logger, string nodeId, int pendingTasks);
}
