using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using RaySharp.CompilerServices;
using RaySharp.Serialization;
using Xunit;

namespace RaySharp.EndToEnd.Tests;

/// <summary>
/// The store semantics the generator registered for this assembly's signature types, observed through generated stubs:
/// immutable records by reference, mutable ones snapshotted, user-struct buffers zero-copy.
/// </summary>
public sealed class ObjectSemanticsTests
{
    [Fact]
    public void The_generated_registrations_are_in_force()
    {
        Assert.Equal(ObjectCopyMode.ByReference, ObjectSemantics.ModeOf<Window>());
        Assert.Equal(ObjectCopyMode.Serialize, ObjectSemantics.ModeOf<Batch>());
        Assert.Equal(ObjectCopyMode.ReadOnlyBuffer, ObjectSemantics.ModeOf<ReadOnlyMemory<Reading>>());
        Assert.Equal(ObjectCopyMode.CloneArray, ObjectSemantics.ModeOf<Reading[]>());
    }

    [Fact]
    public void An_immutable_record_reaches_the_task_by_reference()
    {
        using var ray = TestRuntime.Start();
        var window = new Window("w", ImmutableArray.Create(new Reading(1, 2.0)));

        Assert.True(Semantics.Remote.Same(window, window).Get(TimeSpan.FromSeconds(30)));
        Assert.Same(window, Ray.Put(window).Get());
    }

    [Fact]
    public void A_mutable_record_is_copied_per_argument_and_the_callers_value_never_changes()
    {
        using var ray = TestRuntime.Start();
        var batch = new Batch("b", [1, 2]);

        var appended = Semantics.Remote.Append(batch, 3).Get(TimeSpan.FromSeconds(30));

        Assert.False(Semantics.Remote.SameBatch(batch, batch).Get(TimeSpan.FromSeconds(30)));
        Assert.Equal([1, 2], batch.Items);
        Assert.Equal([1, 2, 3], appended.Items);
    }

    [Fact]
    public void A_mutable_record_put_then_changed_reads_back_as_it_was_put()
    {
        using var ray = TestRuntime.Start();
        var batch = new Batch("b", [1]);

        var stored = Ray.Put(batch);
        batch.Items.Add(2);
        var first = stored.Get();
        first.Items.Add(3);

        Assert.Equal([1], stored.Get().Items);
        Assert.NotSame(first, stored.Get());
    }

    [Fact]
    public void A_buffer_of_user_structs_is_copied_once_and_shared_by_every_task()
    {
        using var ray = TestRuntime.Start();
        var readings = new[] { new Reading(1, 1.5), new Reading(2, 2.5) };

        var stored = Ray.Put<ReadOnlyMemory<Reading>>(readings);
        readings[0] = default;
        var buffer = stored.Get();

        Assert.Equal(new Reading(1, 1.5), buffer.Span[0]);
        Assert.True(MemoryMarshal.TryGetArray(buffer, out var a));
        Assert.True(MemoryMarshal.TryGetArray(stored.Get(), out var b));
        Assert.Same(a.Array, b.Array);
        Assert.True(Semantics.Remote.SameMemory(buffer, stored).Get(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void An_array_of_user_structs_is_block_copied_both_ways()
    {
        using var ray = TestRuntime.Start();
        var readings = new[] { new Reading(1, 1.0) };

        var doubled = Semantics.Remote.Twice(readings);
        readings[0] = default;

        Assert.Equal([new Reading(1, 1.0), new Reading(1, 1.0)], doubled.Get(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void An_actor_returning_its_state_hands_out_snapshots()
    {
        using var ray = TestRuntime.Start();
        var inventory = Inventory.Remote.New();
        inventory.Add(1).Get(TimeSpan.FromSeconds(30));

        var items = inventory.Items().Get(TimeSpan.FromSeconds(30));
        items.Add(99);
        inventory.Add(2).Get(TimeSpan.FromSeconds(30));

        Assert.Equal([1, 99], items);
        Assert.Equal([1, 2], inventory.Items().Get(TimeSpan.FromSeconds(30)));
    }
}
