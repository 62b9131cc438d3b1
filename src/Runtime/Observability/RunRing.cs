using System;
using System.Collections.Generic;
using System.Threading;
using RaySharp.Scheduling;

namespace RaySharp.Observability;

/// <summary>
/// A thread's <see cref="RunEvent"/> words: a bounded ring with one writer, which writes into a small stage (512 bytes,
/// so it stays in the core's cache) and copies the stage into the ring in one block when it fills. Written word by
/// word, the ring (128 KiB, out of cache again by the time the writer comes round) would miss the cache every few
/// tasks, and the next interlocked operation of the task's run would wait for that miss; a block copy waits for its
/// misses together. Readers copy the ring and the stage concurrently, without locks, and drop what the writer may
/// have overwritten meanwhile.
/// </summary>
internal sealed class RunRing
{
    /// <summary>Words in the stage (and so in every block copied into the ring).</summary>
    public const int StageSize = 64;

    private readonly int _capacity;
    private readonly ulong[] _stage = new ulong[StageSize];
    private ulong[] _items = new ulong[StageSize];

    /// <summary>Words copied into the ring so far (a multiple of <see cref="StageSize"/>).</summary>
    private PaddedCounter _flushed;

    /// <summary>Words in the stage, after the flushed ones.</summary>
    private PaddedCounter _staged;

    /// <param name="capacity">The most words the ring keeps (besides the stage): a power of two, at least <see cref="StageSize"/>.</param>
    public RunRing(int capacity) => _capacity = capacity;

    public void Append(ulong word)
    {
        var staged = (int)_staged.Value;
        _stage[staged] = word;
        if (staged + 1 < StageSize)
        {
            Volatile.Write(ref _staged.Value, staged + 1);
        }
        else
        {
            Flush();
        }
    }

    /// <summary>Adds the words still held to <paramref name="into"/>, oldest first.</summary>
    public void CopyTo(List<ulong> into)
    {
        var flushed = Volatile.Read(ref _flushed.Value);
        var staged = new ulong[Math.Min((int)Volatile.Read(ref _staged.Value), StageSize)];
        Array.Copy(_stage, staged, staged.Length);

        // The stage copy holds the words after `flushed` only if no flush began to reuse the stage meanwhile; else
        // those words are in the ring now, up to `end`.
        var end = Volatile.Read(ref _flushed.Value);
        var items = Volatile.Read(ref _items);
        var start = Math.Max(0, end - items.Length);
        var copy = new ulong[end - start];
        for (var i = start; i < end; i++)
        {
            copy[i - start] = items[(int)(i & (items.Length - 1))];
        }

        // A block copy in progress (from index `after`) overwrites the slots of indexes after - length up to
        // after - length + StageSize - 1: keep only later ones.
        var after = Volatile.Read(ref _flushed.Value);
        var validFrom = Math.Max(start, after + StageSize - items.Length);
        for (var i = validFrom; i < end; i++)
        {
            into.Add(copy[i - start]);
        }

        if (end == flushed)
        {
            into.AddRange(staged);
        }
    }

    private void Flush()
    {
        var flushed = _flushed.Value;
        var items = _items;
        if (flushed >= items.Length && items.Length < _capacity)
        {
            items = Grow(items);
        }

        Array.Copy(_stage, 0, items, (int)(flushed & (items.Length - 1)), StageSize);
        // The empty stage first, then the new count: a reader that sees the new count reads the new stage's count,
        // and one that copied a stage being reused sees the count move.
        Volatile.Write(ref _staged.Value, 0);
        Volatile.Write(ref _flushed.Value, flushed + StageSize);
    }

    private ulong[] Grow(ulong[] items)
    {
        var grown = new ulong[Math.Min(items.Length * 2, _capacity)];
        Array.Copy(items, grown, items.Length);
        Volatile.Write(ref _items, grown);
        return grown;
    }
}
