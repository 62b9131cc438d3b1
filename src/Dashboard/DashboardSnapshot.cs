using System;
using System.Collections.Generic;
using System.Linq;

namespace RaySharp.Dashboard;

/// <summary>What the page shows, read from <see cref="RuntimeState"/> at one moment: the JSON of <c>/api/snapshot</c>.</summary>
internal sealed record DashboardSnapshot(
    DateTimeOffset Time,
    IReadOnlyList<DashboardSnapshot.NodeRow> Nodes,
    DashboardSnapshot.StoreTotals Memory,
    IReadOnlyDictionary<string, int> TaskCounts,
    IReadOnlyList<DashboardSnapshot.SummaryRow> Summary,
    IReadOnlyList<DashboardSnapshot.TaskRow> Tasks,
    IReadOnlyList<DashboardSnapshot.TaskRow> FailedTasks,
    IReadOnlyList<DashboardSnapshot.ActorRow> Actors,
    IReadOnlyList<DashboardSnapshot.ObjectRow> Objects)
{
    /// <summary>How many rows of recent tasks the page lists.</summary>
    private const int RecentTasks = 100;

    public static DashboardSnapshot Read(RuntimeState state)
    {
        var tasks = state.Tasks(limit: int.MaxValue); // one pass over the task history serves every table
        var summary = TaskSummary.Of(tasks);
        var counts = new Dictionary<string, int>
        {
            ["PENDING"] = summary.Sum(s => s.Pending),
            ["RUNNING"] = summary.Sum(s => s.Running),
            ["FINISHED"] = summary.Sum(s => s.Finished),
            ["FAILED"] = summary.Sum(s => s.Failed),
            ["CANCELLED"] = summary.Sum(s => s.Cancelled),
        };
        var memory = state.Memory();
        return new DashboardSnapshot(
            DateTimeOffset.UtcNow,
            [.. state.Nodes().Select(n => new NodeRow(n.NodeId, n.NodeName, n.IsHeadNode, n.IsAlive ? "ALIVE" : "DEAD", n.ResourcesTotal, n.ResourcesAvailable))],
            new StoreTotals(memory.UsedBytes, memory.CapacityBytes, memory.SpilledBytes, memory.ObjectsInMemory, memory.ObjectsSpilled, memory.SpillCount),
            counts,
            [.. summary.Select(t => new SummaryRow(t.Name, Upper(t.Type), t.Pending, t.Running, t.Finished, t.Failed, t.Cancelled))],
            [.. tasks.TakeLast(RecentTasks).Reverse().Select(TaskRow.Of)],
            [.. tasks.Where(t => t.State == TaskState.Failed).TakeLast(RecentTasks).Reverse().Select(TaskRow.Of)],
            [.. state.Actors(limit: 1000).Select(a => new ActorRow(a.Id.ToString(), a.ClassName, a.Name, Upper(a.State), a.Restarts, a.NodeId, a.DeathCause))],
            [.. state.Objects().TakeLast(RecentTasks).Select(ObjectRow.Of)]);
    }

    private static string Upper<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

    internal sealed record NodeRow(string NodeId, string NodeName, bool IsHeadNode, string State, IReadOnlyDictionary<string, double> ResourcesTotal, IReadOnlyDictionary<string, double> ResourcesAvailable);

    internal sealed record StoreTotals(long UsedBytes, long CapacityBytes, long SpilledBytes, int ObjectsInMemory, int ObjectsSpilled, long SpillCount);

    internal sealed record TaskRow(string TaskId, string Name, string Type, string State, int Attempts, string? ActorId, int? WorkerThreadId, double? DurationMs, string? ErrorType, string? ErrorMessage)
    {
        public static TaskRow Of(TaskInfo t) => new(
            t.Id.ToString(),
            t.Name,
            Upper(t.Type),
            Upper(t.State),
            t.Attempts,
            t.ActorId?.ToString(),
            t.WorkerThreadId,
            t.StartTime is { } start ? ((t.EndTime ?? DateTimeOffset.UtcNow) - start).TotalMilliseconds : null,
            t.ErrorType,
            t.ErrorMessage);
    }

    internal sealed record SummaryRow(string Name, string Type, int Pending, int Running, int Finished, int Failed, int Cancelled);

    internal sealed record ActorRow(string ActorId, string ClassName, string? Name, string State, int Restarts, string NodeId, string? DeathCause);

    internal sealed record ObjectRow(string ObjectId, long SizeBytes, string TypeName, string Location, string Owner, string? OwnerTaskId, string ReferenceType, int UsedByPendingTasks)
    {
        public static ObjectRow Of(ObjectInfo o) => new(
            o.Id.ToString(),
            o.SizeBytes,
            o.TypeName,
            Upper(o.Location),
            o.Owner,
            o.OwnerTaskId?.ToString(),
            Upper(o.ReferenceType),
            o.UsedByPendingTasks);
    }
}
