using System.Collections.Generic;
using System.Linq;

namespace RaySharp.Observability;

/// <summary>Folds a <see cref="TaskEventLog"/> snapshot into one <see cref="TaskRecord"/> per task, in submission order.</summary>
internal static class TaskHistory
{
    public static List<TaskRecord> Build(TaskEventLog log)
    {
        var records = new Dictionary<ulong, TaskRecord>();
        foreach (var (item, ring) in log.Snapshot())
        {
            if (!records.TryGetValue(item.Task, out var record))
            {
                records.Add(item.Task, record = new TaskRecord(item.Task) { Type = item.Type, Actor = item.Actor });
            }

            switch (item.Detail)
            {
                case string name:
                    record.Name = name;
                    break;
                case TaskFailure failure:
                    record.Name = failure.Name;
                    record.Error = failure.Original;
                    break;
            }

            switch (item.Kind)
            {
                case TaskEventKind.Submitted:
                    record.Parent = item.Parent;
                    record.SubmittedAt = item.Time;
                    record.SubmitThread = ring.ThreadId;
                    break;
                case TaskEventKind.Started:
                    record.Attempts++;
                    if (item.Time >= record.StartedAt)
                    {
                        record.StartedAt = item.Time;
                        record.StartThread = ring.ThreadId;
                        record.StartThreadName = ring.ThreadName;
                    }

                    break;
                default:
                    record.EndedAt = item.Time;
                    record.State = item.Outcome;
                    break;
            }
        }

        foreach (var record in records.Values)
        {
            if (record.EndedAt == 0)
            {
                record.State = record.StartedAt == 0 ? TaskState.Pending : TaskState.Running;
            }
        }

        return [.. records.Values.OrderBy(r => r.Sequence)];
    }
}
