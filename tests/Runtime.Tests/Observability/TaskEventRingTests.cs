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
        var ring = new TaskEventRing(128, Thread.CurrentThread);
        for (var i = 1UL; i <= 300; i++)
        {
            ring.Append(new TaskEvent { Task = i, Kind = TaskEventKind.Submitted });
        }

        var events = new List<(TaskEvent Event, TaskEventRing Ring)>();
        ring.CopyTo(events);

        // A reader cannot tell whether the writer is overwriting the oldest slot right now, so it leaves that one out.
        Assert.Equal(Enumerable.Range(174, 127).Select(i => (ulong)i), events.Select(e => e.Event.Task));
        Assert.All(events, e => Assert.Same(ring, e.Ring));
    }

    [Fact]
    public void A_reader_never_sees_a_slot_the_writer_may_be_overwriting()
    {
        var ring = new TaskEventRing(64, Thread.CurrentThread);
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
                var events = new List<(TaskEvent Event, TaskEventRing Ring)>();
                ring.CopyTo(events);
                var tasks = events.Select(e => e.Event.Task).ToList();
                Assert.All(events, e => Assert.True(e.Event.Actor == e.Event.Task && e.Event.Parent == e.Event.Task && e.Event.Time == (long)e.Event.Task, "a torn event"));
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
}
