using System.Collections.Concurrent;
using System.Collections.Generic;
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
    private readonly ConcurrentDictionary<string, byte> _departed = new();

    public void Joined(RemoteNode node)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.NodeJoined(node.NodeId, node.Ledger.Capacity.ToString());
        }
    }

    /// <summary>Nodes that left the view and are not known dead yet: each membership change asks about them again.</summary>
    public ICollection<string> Departed => _departed.Keys;

    public void Left(string nodeId)
    {
        _departed.TryAdd(nodeId, 0);
        logger.NodeLeft(nodeId);
    }

    public void Died(string nodeId, int pendingTasks)
    {
        _departed.TryRemove(nodeId, out _);
        if (_dead.TryAdd(nodeId, 0))
        {
            logger.NodeDied(nodeId, pendingTasks);
        }
    }
}
