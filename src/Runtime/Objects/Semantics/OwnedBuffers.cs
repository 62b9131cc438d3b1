using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RaySharp.Objects.Semantics;

/// <summary>
/// The arrays behind stored read-only buffers. Nobody holds a writable alias to them, so a buffer read from the
/// store can be put again, or passed to any number of tasks, without another copy. Weak: an array leaves the set
/// when it is collected.
/// </summary>
internal static class OwnedBuffers
{
    private static readonly ConditionalWeakTable<object, object?> s_owned = new();

    public static void Add(Array array) => s_owned.AddOrUpdate(array, null);

    public static bool Contains<T>(ReadOnlyMemory<T> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment) && segment.Array is { } array && s_owned.TryGetValue(array, out _);
}
