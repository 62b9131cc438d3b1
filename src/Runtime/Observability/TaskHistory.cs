using System.Collections.Generic;
using System.Linq;

namespace RaySharp.Observability;

/// <summary>Folds a <see cref="TaskEventLog"/>'s rings into one <see cref="TaskRecord"/> per task, in submission order.</summary>
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

        var submissions = new List<TaskEvent>();
        var runs = new List<ulong>();
        var copies = new List<(TaskEventRing Ring, TaskEvent[] Submissions, ulong[] Runs)>();
        foreach (var ring in log.Rings())
        {
            submissions.Clear();
            runs.Clear();
            ring.Submissions.CopyTo(submissions);
            ring.Runs.CopyTo(runs);
            copies.Add((ring, [.. submissions], [.. runs]));
        }

        // After the rings: a failure is kept before its end word is written, so every end word copied finds its error.
        var failures = log.Failures();
        foreach (var (ring, submitted, ran) in copies)
        {
            foreach (var item in submitted)
            {
                for (var i = 0UL; i < (ulong)item.Count; i++)
                {
                    var record = RecordOf(item.Task + i);
                    record.Name = item.Name;
                    record.Type = item.Type;
                    record.Actor = item.Actor;
                    record.Parent = item.Parent;
                    record.SubmittedAt = item.Time;
                    record.SubmitThread = ring.ThreadId;
                }
            }

            // Each start or end happened at the last time word before it; those before the first one kept lost their time.
            var time = 0L;
            foreach (var word in ran)
            {
                var kind = RunEvent.KindOf(word);
                var payload = RunEvent.PayloadOf(word);
                if (kind == RunEvent.Time)
                {
                    time = (long)payload;
                }
                else if (time == 0)
                {
                    continue;
                }
                else if (kind == RunEvent.Started)
                {
                    Started(RecordOf(payload), time, ring);
                }
                else
                {
                    Ended(RecordOf(payload), kind, time, failures);
                }
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

    private static void Ended(TaskRecord record, ulong kind, long time, Dictionary<ulong, TaskFailure> failures)
    {
        record.EndedAt = time;
        record.State = kind switch
        {
            RunEvent.Finished => TaskState.Finished,
            RunEvent.Cancelled => TaskState.Cancelled,
            _ => TaskState.Failed,
        };
        if (kind != RunEvent.Finished && failures.TryGetValue(record.Sequence, out var failure))
        {
            record.Name = failure.Name;
            record.Error = failure.Original;
        }
    }
}
