using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RaySharp.Observability.Logging;

namespace RaySharp.Cluster.Backend;

/// <summary>
/// Logs this node's view of the others under <see cref="RayLogCategories.Cluster"/>: a node joining, leaving the active
/// ones, dying. Membership is read again and again; each node's death is logged once.
/// </summary>
internal sealed class NodeViewLog(ILogger logger)
{
    private readonly ConcurrentDictionary<string, byte> _dead = new();

    public void Joined(RemoteNode node)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.NodeJoined(node.NodeId, node.Ledger.Capacity.ToString());
        }
    }

    public void Left(string nodeId) => logger.NodeLeft(nodeId);

    public void Died(string nodeId, int pendingTasks)
    {
        if (_dead.TryAdd(nodeId, 0))
        {
            logger.NodeDied(nodeId, pendingTasks);
        }
    }
}
