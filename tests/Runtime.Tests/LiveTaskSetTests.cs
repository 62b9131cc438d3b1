using System.Linq;
using RaySharp.Backend;
using RaySharp.CompilerServices;
using RaySharp.Objects;
using RaySharp.Scheduling;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>The set shutdown fails pending tasks from: rings of slots, then a locked overflow, with tiny rings here.</summary>
public sealed class LiveTaskSetTests
{
    [Fact]
    public void Tasks_whose_slots_collide_go_to_larger_rings_then_the_overflow_and_Close_returns_only_the_live_ones()
    {
        using var runtime = new RayRuntime();
        var set = new LiveTaskSet([2, 4]);
        // Sequences 0, 4, 8, 12 and 16 all want slot 0 of both rings: two rings take one each, the rest overflow.
        var tasks = new ulong[] { 0, 4, 8, 12, 16, 1 }.Select(sequence => NewTask(runtime, sequence)).ToArray();

        Assert.All(tasks, task => Assert.True(set.TryAdd(task)));
        Assert.Equal(new byte[] { 1, 2, LiveTaskSet.Overflow, LiveTaskSet.Overflow, LiveTaskSet.Overflow, 1 }, tasks.Select(task => task.LivePlace));

        set.Remove(tasks[0]);
        set.Remove(tasks[2]);
        set.Remove(tasks[0]);
        var live = set.Close();

        Assert.Equal(new[] { tasks[1], tasks[3], tasks[4], tasks[5] }.OrderBy(task => task.Sequence), live.OrderBy(task => task.Sequence));
        Assert.False(set.TryAdd(NewTask(runtime, 20)));
        Assert.Empty(set.Close());
    }

    [Fact]
    public void A_freed_slot_is_taken_again_before_a_larger_ring()
    {
        using var runtime = new RayRuntime();
        var set = new LiveTaskSet([2, 4]);
        var first = NewTask(runtime, 0);
        var second = NewTask(runtime, 2);

        Assert.True(set.TryAdd(first));
        set.Remove(first);
        Assert.True(set.TryAdd(second));

        Assert.Equal(1, second.LivePlace);
        Assert.Equal([second], set.Close());
    }

    private static LocalTask NewTask(RayRuntime runtime, ulong sequence)
    {
        var spec = new TaskSpec(Fn.Of(_ => 0).Function, TaskArgs.None);
        return new LocalTask((LocalBackend)runtime.Backend, spec, spec.ResolveOptions(), new ObjectEntry<int>(new ObjectId(1, sequence)));
    }
}
