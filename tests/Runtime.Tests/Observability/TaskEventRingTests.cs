using System;
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

        // A reader cannot tell whether the writer is overwriting the oldest slot right now, so it leaves that one out.
        Assert.Equal(Enumerable.Range(174, 127).Select(i => (ulong)i), events.Select(e => e.Task));
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
                ring.Append(new TaskEvent { Task = i, Actor = i, Parent = i, Time = (long)i });
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
    public void A_full_run_ring_keeps_its_newest_words_in_order_with_the_stage_last()
    {
        var ring = new RunRing(256);
        for (var i = 1UL; i <= 1000; i++)
        {
            ring.Append(i);
        }

        var words = new List<ulong>();
        ring.CopyTo(words);

        // 960 words went into the ring in blocks of 64 and 40 wait in the stage; a reader leaves out the oldest block,
        // which a block copy in progress could be overwriting.
        Assert.Equal(Enumerable.Range(769, 232).Select(i => (ulong)i), words);
    }

    [Fact]
    public void A_run_ring_reader_sees_contiguous_words_while_the_writer_appends()
    {
        var ring = new RunRing(256);
        using var stop = new CancellationTokenSource();
        var writer = new Thread(() =>
        {
            for (var i = 1UL; !stop.IsCancellationRequested; i++)
            {
                ring.Append(i);
            }
        });
        writer.Start();
        try
        {
            for (var read = 0; read < 2_000; read++)
            {
                var words = new List<ulong>();
                ring.CopyTo(words);
                Assert.True(words.Count <= 256 + RunRing.StageSize, "no more than the ring and the stage hold");
                Assert.True(words.Count == 0 || words[^1] - words[0] == (ulong)(words.Count - 1), "words are contiguous and in order");
                Assert.Equal(words.OrderBy(w => w), words);
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

    [Fact]
    public void Starts_and_ends_carry_their_time_a_hand_off_starts_at_the_end_before_it_and_a_failure_keeps_its_error()
    {
        var log = new TaskEventLog(precise: true);
        log.Submitted(1, "Work", TaskType.NormalTask, actor: 0, parent: 0);
        log.Submitted(2, "Work", TaskType.NormalTask, actor: 0, parent: 0);
        log.Submitted(3, "Work", TaskType.NormalTask, actor: 0, parent: 0);
        log.Started(1, leavesQueue: true);
        log.Ended(1, failure: null, leavesQueue: false, next: 2);
        var error = new InvalidOperationException("boom");
        log.Ended(2, new TaskFailure("Work", error), leavesQueue: false, next: 0);
        log.Started(3, leavesQueue: true);

        var tasks = TaskHistory.Build(log).ToDictionary(t => t.Sequence);
        Assert.Equal(TaskState.Finished, tasks[1].State);
        Assert.True(tasks[1].StartedAt > 0 && tasks[1].EndedAt >= tasks[1].StartedAt);
        Assert.Equal(tasks[1].EndedAt, tasks[2].StartedAt); // handed off: it started where the one before it ended
        Assert.Equal(1, tasks[2].Attempts);
        Assert.Equal(TaskState.Failed, tasks[2].State);
        Assert.Same(error, tasks[2].Error);
        Assert.Equal(TaskState.Running, tasks[3].State);
        Assert.Equal(Environment.CurrentManagedThreadId, tasks[3].StartThread);
        Assert.Equal(new TaskCounters(Submitted: 3, Finished: 1, Failed: 1, Cancelled: 0, LeftQueue: 3), log.Counters());
    }
}
