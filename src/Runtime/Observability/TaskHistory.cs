using System.Collections.Generic;
using System.Linq;

namespace RaySharp.Observability;

/// <summary>Folds a <see cref="TaskEventLog"/> snapshot into one <see cref="TaskRecord"/> per task, in submission order.</summary>
internal static class TaskHistory
{
    public static List<TaskRecord> Build(TaskEventLog log)
    {
        var records = new Dictionary<ulong, TaskRecord>();
        TaskRecord RecordOf(ulong sequence)
        {
            if (!records.TryGetValue(sequence, out var record))
            {
                records.Add(sequence, record = new TaskRecord(sequence));
            }

            return record;
        }

        foreach (var (item, ring) in log.Snapshot())
        {
            switch (item.Kind)
            {
                case TaskEventKind.Submitted:
                    for (var i = 0UL; i < (ulong)item.Count; i++)
                    {
                        var submitted = RecordOf(item.Task + i);
                        submitted.Name = (string)item.Detail!;
                        submitted.Type = item.Type;
                        submitted.Actor = item.Actor;
                        submitted.Parent = item.Parent;
                        submitted.SubmittedAt = item.Time;
                        submitted.SubmitThread = ring.ThreadId;
                    }

                    break;
                case TaskEventKind.Started:
                    Started(RecordOf(item.Task), item.Time, ring);
                    break;
                default:
                    var record = RecordOf(item.Task);
                    record.EndedAt = item.Time;
                    record.State = item.Outcome;
                    if (item.Detail is TaskFailure failure)
                    {
                        record.Name = failure.Name;
                        record.Error = failure.Original;
                    }

                    if (item.Parent != 0)
                    {
                        // The task this thread ran next, handed off: it started at this end.
                        Started(RecordOf(item.Parent), item.Time, ring);
                    }

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

        // A task whose submission left its ring (the events of its start or end name no function): forgotten, as the rest.
        return [.. records.Values.Where(r => r.Name.Length > 0).OrderBy(r => r.Sequence)];
    }

    private static void Started(TaskRecord record, long time, TaskEventRing ring)
    {
        record.Attempts++;
        if (time >= record.StartedAt)
        {
            record.StartedAt = time;
            record.StartThread = ring.ThreadId;
            record.StartThreadName = ring.ThreadName;
        }
    }
}
