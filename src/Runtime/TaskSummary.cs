using System.Collections.Generic;
using System.Linq;

namespace RaySharp;

/// <summary>The tasks of one name, counted by state (a row of Ray's <c>ray summary tasks</c>).</summary>
/// <param name="Name">The task name (<see cref="TaskInfo.Name"/>).</param>
/// <param name="Type">Their type.</param>
/// <param name="Pending">How many are pending.</param>
/// <param name="Running">How many are running.</param>
/// <param name="Finished">How many finished.</param>
/// <param name="Failed">How many failed.</param>
/// <param name="Cancelled">How many were cancelled.</param>
public sealed record TaskSummary(string Name, TaskType Type, int Pending, int Running, int Finished, int Failed, int Cancelled)
{
    /// <summary>All of them, in every state.</summary>
    public int Total => Pending + Running + Finished + Failed + Cancelled;

    /// <summary>Counts <paramref name="tasks"/> by name and state, in order of each name's first task (what <see cref="RuntimeState.SummarizeTasks"/> does with all of them).</summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="tasks"/> is null.</exception>
    public static IReadOnlyList<TaskSummary> Of(IEnumerable<TaskInfo> tasks)
    {
        System.ArgumentNullException.ThrowIfNull(tasks);
        return [.. tasks
            .GroupBy(t => (t.Name, t.Type))
            .Select(g => new TaskSummary(
                g.Key.Name,
                g.Key.Type,
                g.Count(t => t.State == TaskState.Pending),
                g.Count(t => t.State == TaskState.Running),
                g.Count(t => t.State == TaskState.Finished),
                g.Count(t => t.State == TaskState.Failed),
                g.Count(t => t.State == TaskState.Cancelled)))];
    }
}
