using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using RaySharp.CompilerServices;
using RaySharp.Serialization;
using RaySharp.Tests.Support;
using Xunit;

namespace RaySharp.Tests;

/// <summary>
/// Ray's object contract: what Get returns never changes because someone mutates something later, and no reader sees
/// another's changes; immutable values and read-only buffers are handed out without a copy.
/// </summary>
public sealed class ObjectSemanticsTests
{
    [Fact]
    public void Mutating_an_array_after_put_does_not_change_what_get_returns()
    {
        using var ray = TestRuntime.Start();
        var values = new[] { 1, 2, 3 };

        var stored = Ray.Put(values);
        values[0] = 100;

        Assert.Equal([1, 2, 3], stored.Get());
        Assert.Equal(ObjectCopyMode.CloneArray, ObjectSemantics.ModeOf<int[]>());
    }

    [Fact]
    public void Mutating_a_list_after_put_does_not_change_what_get_returns()
    {
        using var ray = TestRuntime.Start();
        var values = new List<int> { 1, 2, 3 };

        var stored = Ray.Put(values);
        values.Add(4);

        Assert.Equal([1, 2, 3], stored.Get());
        Assert.Equal(ObjectCopyMode.Serialize, ObjectSemantics.ModeOf<List<int>>());
    }

    [Fact]
    public void Two_readers_of_a_mutable_object_get_independent_copies()
    {
        using var ray = TestRuntime.Start();
        var stored = Ray.Put(new List<int> { 1, 2, 3 });

        var first = stored.Get();
        var second = stored.Get();
        first.Add(99);
        var array = Ray.Put(new[] { 7L, 8L });
        var a = array.Get();
        a[0] = -1;

        Assert.NotSame(first, second);
        Assert.Equal([1, 2, 3], second);
        Assert.Equal([1, 2, 3], stored.Get());
        Assert.Equal([7L, 8L], array.Get());
    }

    [Fact]
    public void Immutable_values_are_handed_out_by_reference()
    {
        using var ray = TestRuntime.Start();
        var text = new string('x', 100);
        var immutable = ImmutableArray.Create(1, 2, 3);
        var list = ImmutableList.Create("a", "b");

        Assert.Same(text, Ray.Put(text).Get());
        Assert.True(immutable == Ray.Put(immutable).Get(), "an ImmutableArray is stored as it is: same underlying array");
        Assert.Same(list, Ray.Put(list).Get());
        Assert.Equal(ObjectCopyMode.ByReference, ObjectSemantics.ModeOf<(int, string)>());
        Assert.Equal(ObjectCopyMode.ByReference, ObjectSemantics.ModeOf<ImmutableDictionary<string, ImmutableArray<int>>>());
        Assert.Equal(ObjectCopyMode.Serialize, ObjectSemantics.ModeOf<ImmutableList<int[]>>());
        Assert.Equal(ObjectCopyMode.Serialize, ObjectSemantics.ModeOf<(int, List<int>)>());
    }

    [Fact]
    public void A_type_marked_RayImmutable_is_stored_by_reference()
    {
        using var ray = TestRuntime.Start();
        var settings = new FrozenSettings("prod", 3);

        var stored = Ray.Put(settings);

        Assert.Same(settings, stored.Get());
        Assert.Same(settings, stored.Get());
        Assert.Equal(ObjectCopyMode.ByReference, ObjectSemantics.ModeOf<FrozenSettings>());
    }

    [Fact]
    public void A_mutable_type_without_a_formatter_is_refused_with_the_fix_in_the_message()
    {
        using var ray = TestRuntime.Start();

        var error = Assert.Throws<NotSupportedException>(() => Ray.Put(new Unformattable()));

        Assert.Contains(typeof(Unformattable).FullName!, error.Message);
        Assert.Contains("[RayImmutable]", error.Message);
        Assert.Contains("[MessagePackObject]", error.Message);
    }

    [Fact]
    public void Put_copies_a_read_only_buffer_once_and_every_get_is_zero_copy()
    {
        using var ray = TestRuntime.Start();
        var source = Enumerable.Range(0, 1000).Select(i => (long)i).ToArray();

        var stored = Ray.Put<ReadOnlyMemory<long>>(source);
        source[0] = -1;
        var first = stored.Get();
        var second = stored.Get();

        Assert.Equal(0L, first.Span[0]);
        Assert.True(MemoryMarshal.TryGetArray(first, out var a));
        Assert.True(MemoryMarshal.TryGetArray(second, out var b));
        Assert.Same(a.Array, b.Array);
        Assert.NotSame(source, a.Array);
        Assert.Equal(ObjectCopyMode.ReadOnlyBuffer, ObjectSemantics.ModeOf<ReadOnlyMemory<long>>());
    }

    [Fact]
    public void A_buffer_read_from_the_store_is_not_copied_again()
    {
        using var ray = TestRuntime.Start();
        var stored = Ray.Put<ReadOnlyMemory<int>>(new[] { 1, 2, 3 }).Get();

        var again = Ray.Put(stored).Get();
        var slice = Ray.Put(stored[1..]).Get();

        Assert.True(MemoryMarshal.TryGetArray(stored, out var original));
        Assert.True(MemoryMarshal.TryGetArray(again, out var same));
        Assert.True(MemoryMarshal.TryGetArray(slice, out var sliced));
        Assert.Same(original.Array, same.Array);
        Assert.Same(original.Array, sliced.Array);
        Assert.Equal([2, 3], slice.ToArray());
    }

    [Fact]
    public void PutOwned_takes_the_array_without_a_copy()
    {
        using var ray = TestRuntime.Start();
        var array = new double[] { 1.5, 2.5 };

        var stored = Ray.PutOwned(array);
        var read = stored.Get();

        Assert.True(MemoryMarshal.TryGetArray(read, out var segment));
        Assert.Same(array, segment.Array);
        Assert.Equal(2, read.Length);
        Assert.Throws<ArgumentNullException>(() => Ray.PutOwned<int>(null!));
    }

    [Fact]
    public void A_mutable_task_argument_is_snapshotted_when_the_call_is_made()
    {
        using var ray = TestRuntime.Start();
        using var gate = new Gate();
        var sum = Fn.Of<List<int>, int>((values, ct) =>
        {
            gate.Pass(ct);
            var total = values.Sum();
            values.Clear(); // the task's own copy
            return total;
        });
        var values = new List<int> { 1, 2, 3 };

        var result = sum.Remote(values);
        values.Add(1000);
        gate.Open();

        Assert.Equal(6, result.Get(TimeSpan.FromSeconds(30)));
        Assert.Equal([1, 2, 3, 1000], values);
    }

    [Fact]
    public void Immutable_and_buffer_arguments_reach_the_task_without_a_copy()
    {
        using var ray = TestRuntime.Start();
        var settings = new FrozenSettings("x", 1);
        var buffer = Ray.PutOwned(new long[4096]).Get();
        var sameSettings = Fn.Of<FrozenSettings, bool>((s, _) => ReferenceEquals(s, settings));
        Assert.True(MemoryMarshal.TryGetArray(buffer, out var owned));
        var sameBuffer = Fn.Of<ReadOnlyMemory<long>, bool>((m, _) => MemoryMarshal.TryGetArray(m, out var s) && ReferenceEquals(s.Array, owned.Array));

        Assert.True(sameSettings.Remote(settings).Get(TimeSpan.FromSeconds(30)));
        var seen = Enumerable.Range(0, 8).Select(_ => sameBuffer.Remote(buffer)).ToArray();
        Assert.All(seen, r => Assert.True(r.Get(TimeSpan.FromSeconds(30))));
    }

    [Fact]
    public void A_returned_mutable_value_is_snapshotted_and_each_get_is_a_fresh_copy()
    {
        using var ray = TestRuntime.Start();
        var kept = new List<int> { 1 };
        var produce = Fn.Of(_ => kept);

        var result = produce.Remote();
        result.WaitReady(TimeSpan.FromSeconds(30));
        kept.Add(2);
        var first = result.Get();
        first.Add(3);

        Assert.NotSame(kept, first);
        Assert.Equal([1], result.Get());
    }

    [Fact]
    public void A_returned_immutable_value_is_the_same_instance()
    {
        using var ray = TestRuntime.Start();
        var settings = new FrozenSettings("y", 2);

        var result = Fn.Of(_ => settings).Remote();

        Assert.Same(settings, result.Get(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void A_registration_decides_the_mode_and_the_first_one_wins()
    {
        ObjectSemantics.Register<RegisteredPoint>(ObjectCopyMode.ByReference);
        ObjectSemantics.Register<RegisteredPoint>(ObjectCopyMode.Serialize);
        using var ray = TestRuntime.Start();
        var point = new RegisteredPoint { X = 1 };

        Assert.Equal(ObjectCopyMode.ByReference, ObjectSemantics.ModeOf<RegisteredPoint>());
        Assert.Same(point, Ray.Put(point).Get());
        Assert.Throws<ArgumentException>(() => ObjectSemantics.Register<List<int>>(ObjectCopyMode.CloneArray));
        Assert.Throws<ArgumentException>(() => ObjectSemantics.Register<ReadOnlyMemory<int>>(ObjectCopyMode.ReadOnlyBuffer));
    }

    [Fact]
    public void A_read_only_buffer_of_another_element_type_can_be_registered()
    {
        ObjectSemantics.RegisterReadOnlyBuffer<Pixel>();
        using var ray = TestRuntime.Start();
        var pixels = new Pixel[] { new(1, 2), new(3, 4) };

        var stored = Ray.Put<ReadOnlyMemory<Pixel>>(pixels);
        pixels[0] = default;

        Assert.Equal(new Pixel(1, 2), stored.Get().Span[0]);
        Assert.True(MemoryMarshal.TryGetArray(stored.Get(), out var a));
        Assert.True(MemoryMarshal.TryGetArray(stored.Get(), out var b));
        Assert.Same(a.Array, b.Array);
    }

    [Fact]
    public void A_value_declared_as_an_interface_is_judged_by_its_own_type()
    {
        using var ray = TestRuntime.Start();
        IComparable immutable = new FrozenSettingsComparable();
        IComparable mutable = new MutableComparable();

        Assert.Same(immutable, Ray.Put(immutable).Get());
        var error = Assert.Throws<NotSupportedException>(() => Ray.Put(mutable));
        Assert.Contains(nameof(MutableComparable), error.Message);
        Assert.Contains("[RayImmutable]", error.Message);
        ObjectSemantics.Register<IComparable>(ObjectCopyMode.Serialize);
        Assert.Same(immutable, Ray.Put(immutable).Get());
    }

    [RayImmutable]
    private sealed class FrozenSettingsComparable : IComparable
    {
        public int CompareTo(object? obj) => 0;
    }

    private sealed class MutableComparable : IComparable
    {
        public int State { get; set; }

        public int CompareTo(object? obj) => State;
    }

    [RayImmutable]
    private sealed class FrozenSettings(string name, int level)
    {
        public string Name { get; } = name;

        public int Level { get; } = level;
    }

    private sealed class Unformattable
    {
        public int Count { get; set; }
    }

    private sealed class RegisteredPoint
    {
        public int X { get; set; }
    }

    private readonly record struct Pixel(int X, int Y);
}
