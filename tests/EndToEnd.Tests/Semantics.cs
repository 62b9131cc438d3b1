using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace RaySharp.EndToEnd.Tests;

// Types whose store semantics the generator decides at compile time (see ObjectSemanticsTests).
public readonly record struct Reading(long Ticks, double Value);

/// <summary>Deeply immutable: init-only members of immutable types. Stored and passed by reference.</summary>
public sealed record Window(string Name, ImmutableArray<Reading> Readings);

/// <summary>A record with a mutable member: snapshotted on every put, argument and result.</summary>
public sealed record Batch(string Name, List<int> Items);

public static partial class Semantics
{
    [RayRemote]
    public static bool Same(Window a, Window b) => ReferenceEquals(a, b);

    [RayRemote]
    public static bool SameBatch(Batch a, Batch b) => ReferenceEquals(a, b);

    /// <summary>Mutates its own copy and returns it.</summary>
    [RayRemote]
    public static Batch Append(Batch batch, int item)
    {
        batch.Items.Add(item);
        return batch;
    }

    /// <summary>True when both buffers lie over the same memory.</summary>
    [RayRemote]
    public static bool SameMemory(ReadOnlyMemory<Reading> a, ReadOnlyMemory<Reading> b) =>
        MemoryMarshal.TryGetArray(a, out var x) && MemoryMarshal.TryGetArray(b, out var y) && ReferenceEquals(x.Array, y.Array);

    [RayRemote]
    public static Reading[] Twice(Reading[] readings) => [.. readings, .. readings];
}

/// <summary>An actor that hands out its own state: callers get snapshots, never a live alias.</summary>
[RayRemote]
public sealed partial class Inventory
{
    private readonly List<int> _items = [];

    public int Add(int item)
    {
        _items.Add(item);
        return _items.Count;
    }

    public List<int> Items() => _items;
}
