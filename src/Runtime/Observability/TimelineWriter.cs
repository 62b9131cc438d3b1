using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RaySharp.Observability;

/// <summary>
/// Writes task histories in the Chrome trace event format (what <c>ray timeline</c> writes; Perfetto and
/// chrome://tracing open it): a process per node, a row per thread, an "X" slice per task attempt and actor call, and
/// a flow arrow ("s" → "f") from the slice of the task that submitted a task to the slice of that task.
/// </summary>
internal static class TimelineWriter
{
    public static void Write(Stream output, IReadOnlyList<NodeTaskHistory> nodes, long now)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("displayTimeUnit", "ms");
        json.WriteStartArray("traceEvents");
        for (var pid = 0; pid < nodes.Count; pid++)
        {
            WriteNode(json, nodes[pid], pid + 1, now);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter json, NodeTaskHistory node, int pid, long now)
    {
        Metadata(json, "process_name", pid, 0, $"node {node.NodeId}");
        var started = node.Records.Where(r => r.StartedAt != 0).ToList();
        foreach (var thread in started.GroupBy(r => r.StartThread))
        {
            Metadata(json, "thread_name", pid, thread.Key, $"{thread.First().StartThreadName} {thread.Key}");
        }

        var bySequence = started.ToDictionary(r => r.Sequence);
        var clock = node.Clock;
        foreach (var record in started)
        {
            var end = record.EndedAt != 0 ? record.EndedAt : now;
            json.WriteStartObject();
            json.WriteString("name", record.Name);
            json.WriteString("cat", Category(record.Type));
            json.WriteString("ph", "X");
            json.WriteNumber("ts", clock.Microseconds(record.StartedAt));
            json.WriteNumber("dur", clock.Microseconds(end) - clock.Microseconds(record.StartedAt));
            json.WriteNumber("pid", pid);
            json.WriteNumber("tid", record.StartThread);
            json.WriteStartObject("args");
            json.WriteString("task_id", new TaskId(node.Owner, record.Sequence).ToString());
            json.WriteString("state", record.State.ToString().ToUpperInvariant());
            json.WriteNumber("attempts", record.Attempts);
            if (record.Error is { } error)
            {
                json.WriteString("error", $"{error.GetType().FullName}: {error.Message}");
            }

            json.WriteEndObject();
            json.WriteEndObject();

            if (record.Parent != 0 && bySequence.TryGetValue(record.Parent, out var parent))
            {
                Flow(json, record, parent, node, pid, now);
            }
        }
    }

    /// <summary>An arrow from the parent's slice (at the submission, kept inside that slice) to the child's start.</summary>
    private static void Flow(Utf8JsonWriter json, TaskRecord child, TaskRecord parent, NodeTaskHistory node, int pid, long now)
    {
        var clock = node.Clock;
        var parentEnd = parent.EndedAt != 0 ? parent.EndedAt : now;
        var submitted = child.SubmittedAt != 0 ? child.SubmittedAt : parent.StartedAt;
        var at = System.Math.Clamp(submitted, parent.StartedAt, System.Math.Max(parent.StartedAt, parentEnd));
        FlowEvent(json, "s", child, pid, parent.StartThread, clock.Microseconds(at));
        FlowEvent(json, "f", child, pid, child.StartThread, clock.Microseconds(child.StartedAt));
    }

    private static void FlowEvent(Utf8JsonWriter json, string phase, TaskRecord child, int pid, int tid, double ts)
    {
        json.WriteStartObject();
        json.WriteString("name", "submit");
        json.WriteString("cat", "submit");
        json.WriteString("ph", phase);
        json.WriteNumber("id", child.Sequence);
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", tid);
        json.WriteNumber("ts", ts);
        if (phase == "f")
        {
            json.WriteString("bp", "e");
        }

        json.WriteEndObject();
    }

    private static void Metadata(Utf8JsonWriter json, string name, int pid, int tid, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", pid);
        json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Category(TaskType type) => type switch
    {
        TaskType.ActorCreationTask => "actor_creation_task",
        TaskType.ActorTask => "actor_task",
        _ => "task",
    };
}
