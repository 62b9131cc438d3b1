using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RaySharp.Observability;
using Xunit;

namespace RaySharp.Tests.Observability;

public sealed class TaskEventRingTests
{
    [Fact]
    public void A_full_ring_keeps_its_newest_events_in_order()
    {
        var ring = new EventRing<TaskEvent>(128);
        for (var i = 1UL; i <= 300; i++)
        {
            ring.Append(new TaskEvent { Task = i });
        }

        var events = new List<TaskEvent>();
        ring.CopyTo(events);

        // A reader cannot tell whether the writer is overwriting the oldest slots right now (one, or two for a pair), so it leaves those out.
        Assert.Equal(Enumerable.Range(175, 126).Select(i => (ulong)i), events.Select(e => e.Task));
    }

    [Fact]
    public void A_reader_never_sees_a_slot_the_writer_may_be_overwriting()
    {
        var ring = new EventRing<TaskEvent>(64);
        using var stop = new CancellationTokenSource();
        var writer = new Thread(() =>
        {
            for (var i = 1UL; !stop.IsCancellationRequested; i++)
            {
                if (i % 3 == 0)
                {
                    ring.Append(new TaskEvent { Task = i, Actor = i, Parent = i, Time = (long)i }, new TaskEvent { Task = i + 1, Actor = i + 1, Parent = i + 1, Time = (long)i + 1 });
                    i++;
                }
                else
                {
                    ring.Append(new TaskEvent { Task = i, Actor = i, Parent = i, Time = (long)i });
                }
            }
        });
        writer.Start();
        try
        {
            for (var read = 0; read < 2_000; read++)
            {
                var events = new List<TaskEvent>();
                ring.CopyTo(events);
                var tasks = events.Select(e => e.Task).ToList();
                Assert.All(events, e => Assert.True(e.Actor == e.Task && e.Parent == e.Task && e.Time == (long)e.Task, "a torn event"));
                Assert.Equal(tasks.OrderBy(t => t), tasks);
                Assert.True(tasks.Count == 0 || tasks[^1] - tasks[0] == (ulong)(tasks.Count - 1), "events are contiguous");
            }
        }
        finally
        {
            stop.Cancel();
            writer.Join();
        }
    }

    [Fact]
    public void A_loop_of_submits_shares_one_event_and_each_task_keeps_its_name_and_parent()
    {
        var log = new TaskEventLog(precise: false);
        for (var task = 1UL; task <= 1000; task++)
        {
            log.Submitted(task, task <= 600 ? "First" : "Second", TaskType.NormalTask, actor: 0, parent: 7);
        }

        log.Submitted(2000, "First", TaskType.NormalTask, actor: 0, parent: 7); // not the next sequence: an event of its own

        // Each run of consecutive sequences of one function, caller and millisecond is one event.
        var submissions = new List<TaskEvent>();
        foreach (var ring in log.Rings())
        {
            ring.Submissions.CopyTo(submissions);
        }

        Assert.InRange(submissions.Count, 3, 100);
        var tasks = TaskHistory.Build(log);
        Assert.Equal([.. Enumerable.Range(1, 1000).Select(i => (ulong)i), 2000UL], tasks.Select(t => t.Sequence));
        Assert.All(tasks, t => Assert.Equal(t.Sequence is <= 600 or 2000 ? "First" : "Second", t.Name));
        Assert.All(tasks, t => Assert.Equal(7UL, t.Parent));
        Assert.All(tasks, t => Assert.Equal(TaskState.Pending, t.State));
        Assert.Equal(1001, log.Counters().Submitted);
    }
}
