using System.Collections.Generic;

namespace RaySharp.Observability;

/// <summary>One node's task history with what it takes to read it: its ids and its clock.</summary>
/// <param name="Owner">The owner part of the node's task and actor ids.</param>
/// <param name="NodeId">The node's id.</param>
/// <param name="Clock">The node's clock, to turn event times into wall time and trace time.</param>
/// <param name="Records">The tasks, in submission order.</param>
internal sealed record NodeTaskHistory(ulong Owner, string NodeId, RuntimeClock Clock, IReadOnlyList<TaskRecord> Records)
{
    public IEnumerable<TaskInfo> Infos()
    {
        foreach (var record in Records)
        {
            yield return record.ToInfo(Owner, NodeId, Clock);
        }
    }
}
