using System;
using System.Collections.Generic;
using System.Threading;
using RaySharp.Scheduling;

namespace RaySharp.Observability;

/// <summary>
/// A bounded ring with one writer: the writer appends without locks or interlocked operations; readers copy
/// concurrently and drop what the writer may have overwritten meanwhile. It starts small and doubles up to its
/// capacity, then overwrites its oldest items.
/// </summary>
/// <typeparam name="T">The items: plain data.</typeparam>
internal sealed class EventRing<T>
    where T : struct
{
    private const int InitialSize = 64;
    private readonly int _capacity;
    private T[] _items = new T[InitialSize];

    /// <summary>Items ever appended (the next one's index), alone on its cache lines: the writer writes it for every item.</summary>
    private PaddedCounter _written;

    /// <param name="capacity">The most items kept: a power of two, at least 64.</param>
    public EventRing(int capacity) => _capacity = capacity;

    public void Append(in T item)
    {
        var index = _written.Value;
        var items = _items;
        if (index >= items.Length && items.Length < _capacity)
        {
            items = Grow(items);
        }

        items[(int)(index & (items.Length - 1))] = item;
        Volatile.Write(ref _written.Value, index + 1);
    }

    /// <summary>The last item appended, for the writer to update in place; false when there is none.</summary>
    public ref T Last(out bool found)
    {
        var index = _written.Value - 1;
        found = index >= 0;
        return ref _items[(int)(Math.Max(index, 0) & (_items.Length - 1))];
    }

    /// <summary>Adds the items still held to <paramref name="into"/>, oldest first.</summary>
    public void CopyTo(List<T> into)
    {
        var end = Volatile.Read(ref _written.Value);
        var items = Volatile.Read(ref _items);
        var start = Math.Max(0, end - items.Length);
        var copy = new T[end - start];
        for (var i = start; i < end; i++)
        {
            copy[i - start] = items[(int)(i & (items.Length - 1))];
        }

        // A write in progress (index `after`) overwrites the slot of index after - length: keep only later ones.
        var after = Volatile.Read(ref _written.Value);
        var validFrom = Math.Max(start, after - items.Length + 1);
        for (var i = validFrom; i < end; i++)
        {
            into.Add(copy[i - start]);
        }
    }

    private T[] Grow(T[] items)
    {
        var grown = new T[Math.Min(items.Length * 2, _capacity)];
        Array.Copy(items, grown, items.Length);
        Volatile.Write(ref _items, grown);
        return grown;
    }
}
