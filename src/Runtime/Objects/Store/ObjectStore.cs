using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RaySharp.Observability.Logging;

namespace RaySharp.Objects.Store;

/// <summary>
/// What the local backend stores, with Ray's memory rules: per-object size accounting against a cap, release when an
/// object is no longer referenced, and spilling of the least recently used objects to disk when the cap is reached.
/// </summary>
/// <remarks>
/// <para>Objects whose accounted size (<see cref="ObjectSizer"/>) is at most <see cref="InlineMaxBytes"/> are kept
/// inline, as Ray keeps small objects in the owner's in-process store: they are plain managed values that the GC
/// frees, not counted against the cap, never spilled, not listed. Put of such a value costs no more than before.</para>
/// <para>Larger objects are tracked: a <see cref="StoredObject"/> record, a weak handle to the entry, and a
/// finalizable <see cref="StoreLease"/> that only the entry holds. Tracked operations take <see cref="Gate"/>. Reads
/// of an in-memory object do not: the value sits boxed in the lease (<see cref="StoreLease.Value"/>), which a spill
/// swaps to null and a restore back, so a reader gets the whole value or goes to the lock, and a Get stays O(1).
/// Eviction approximates LRU with a second chance for objects read since they were last ordered (CLOCK). Spill files
/// are written and read under the lock, which keeps the rules simple at the price of serializing large spills.</para>
/// </remarks>
internal sealed class ObjectStore : IDisposable
{
    private readonly Dictionary<ObjectId, StoredObject> _records = [];
    private readonly LinkedList<StoredObject> _lru = new(); // in-memory tracked objects, least recently used first
    private readonly ConcurrentDictionary<ObjectId, WeakReference<ObjectRef>> _shared = new();
    private readonly ConcurrentQueue<StoredObject> _dying = new(); // released while the lock was busy
    private readonly SpillDirectory _spill;
    private int _sharedSweepAt = 1024;
    private long _used;
    private long _spilled;
    private long _spillCount;
    private long _restoreCount;
    private long _overcommits;
    private bool _disposed;

    public ObjectStore(ulong owner, long capacityBytes, long? spillCapacityBytes, long inlineMaxBytes, string spillParent)
    {
        CapacityBytes = capacityBytes;
        SpillCapacityBytes = spillCapacityBytes;
        InlineMaxBytes = inlineMaxBytes;
        _spill = new SpillDirectory(spillParent, owner);
    }

    /// <summary>The lock of every tracked operation.</summary>
    public Lock Gate { get; } = new();

    public long CapacityBytes { get; }

    public long? SpillCapacityBytes { get; }

    public long InlineMaxBytes { get; }

    public string SpillPath => _spill.Path;

    /// <summary>Where spills and a full store are logged (<see cref="RayLogCategories.ObjectStore"/>).</summary>
    public ILogger Log { get; init; } = NullLogger.Instance;

    /// <summary>Accounts a value being put, before its ref exists; throws <see cref="ObjectStoreFullException"/> when it cannot fit.</summary>
    public void AdmitPut(ObjectRef entry)
    {
        var size = entry.MeasureValue();
        if (size > InlineMaxBytes)
        {
            Admit(entry, size, throwWhenFull: true);
        }
    }

    /// <summary>Accounts an item a streaming task yielded; like a result, it is never refused.</summary>
    public void AdmitProduced(ObjectRef entry)
    {
        var size = entry.MeasureValue();
        if (size > InlineMaxBytes)
        {
            Admit(entry, size, throwWhenFull: false);
        }
    }

    /// <summary>
    /// Accounts a task result before it is published. A result is never refused (the task already ran): when it cannot
    /// fit, it is kept in memory over the cap and counted in <see cref="ObjectStoreMemoryInfo.Overcommits"/>.
    /// </summary>
    public void AdmitResult(ObjectRef entry)
    {
        if (entry.IsCompleted)
        {
            return; // cancelled or failed before its value could be published: nothing will be stored
        }

        var size = entry.MeasureValue();
        if (size > InlineMaxBytes)
        {
            Admit(entry, size, throwWhenFull: false);
        }
    }

    /// <summary>Makes sure a tracked object's value is in memory (restoring it from disk) and marks it used; call under <see cref="Gate"/>.</summary>
    public void EnsureInMemory(StoredObject record, ObjectRef entry)
    {
        if (!record.IsSpilled)
        {
            if (record.LruNode.List is not null)
            {
                record.RecentlyUsed = false;
                _lru.Remove(record.LruNode);
                _lru.AddLast(record.LruNode);
            }

            return;
        }

        if (_disposed)
        {
            throw new RuntimeShutdownException(
                $"Object {record.Id} was spilled to disk, and its runtime has shut down, which deleted the spill files. Read objects before shutting their runtime down.");
        }

        var bytes = SpillDirectory.Read(record.SpillPath!);
        using (NestedRefScope.Enter(this))
        {
            entry.RestoreValue(bytes, record.PinnedRefs); // a failure leaves it spilled: the file stays, and the next read tries again
        }

        SpillDirectory.TryDelete(record.SpillPath!);
        _spilled -= record.SpilledBytes;
        record.SizeBytes = Math.Max(entry.MeasureValue(), bytes.Length); // the spilled size corrects an estimate that was too low
        record.SpillPath = null;
        record.SpilledBytes = 0;
        record.PinnedRefs = null; // the restored value holds its refs again
        _restoreCount++;
        Log.ObjectRestored(record.Id, record.SizeBytes);
        if (!MakeRoom(record.SizeBytes))
        {
            _overcommits++; // a read never fails for lack of memory
        }

        _used += record.SizeBytes;
        _lru.AddLast(record.LruNode);
    }

    /// <summary>An object died (its lease was finalized): its bytes leave the accounting and its spill file is deleted.</summary>
    /// <remarks>
    /// Called on the finalizer thread, which must not wait behind a spill being written: when the lock is busy, the
    /// record is queued and released by the next store operation.
    /// </remarks>
    public void Release(StoredObject record)
    {
        if (!Gate.TryEnter())
        {
            _dying.Enqueue(record);
            return;
        }

        try
        {
            ReleaseLocked(record);
            DrainDyingLocked();
        }
        finally
        {
            Gate.Exit();
        }
    }

    /// <summary>
    /// Makes <paramref name="entry"/> findable by id: a ref that was serialized, so that reading it back in this
    /// process finds the same live object, or a copy of another node's object that refs inside values name.
    /// </summary>
    public void Share(ObjectRef entry)
    {
        if (entry.IsShared || entry.Lease is not null)
        {
            return; // known already, or tracked (found through its record)
        }

        entry.IsShared = true;
        _shared.TryAdd(entry.Id, new WeakReference<ObjectRef>(entry));
        if (_shared.Count >= Volatile.Read(ref _sharedSweepAt))
        {
            SweepShared();
        }
    }

    /// <summary>The live entry of <paramref name="id"/>, or null when this store does not know it (or it died).</summary>
    public ObjectRef? Find(ObjectId id)
    {
        if (_shared.TryGetValue(id, out var weak) && weak.TryGetTarget(out var entry))
        {
            return entry; // lock-free for inline objects, the common case
        }

        lock (Gate)
        {
            return _records.TryGetValue(id, out var record) ? record.Entry : null;
        }
    }

    /// <summary>The live tracked objects, for <see cref="Ray.State.Objects"/>.</summary>
    public IReadOnlyList<ObjectInfo> Objects()
    {
        lock (Gate)
        {
            ReleaseDeadLocked();
            var heldBy = new Dictionary<ObjectId, int>();
            foreach (var record in _records.Values)
            {
                foreach (var pinned in record.PinnedRefs ?? [])
                {
                    heldBy[pinned.Id] = heldBy.GetValueOrDefault(pinned.Id) + 1;
                }
            }

            var list = new List<ObjectInfo>(_records.Count);
            foreach (var record in _records.Values)
            {
                var captured = heldBy.GetValueOrDefault(record.Id);
                list.Add(new ObjectInfo(
                    record.Id,
                    record.SizeBytes,
                    TypeNameOf(record.ValueType),
                    record.IsSpilled ? ObjectLocation.Spilled : ObjectLocation.Memory,
                    record.SpilledBytes,
                    captured,
                    record.PinnedRefs?.Length ?? 0)
                {
                    OwnerTaskId = record.Creator.TaskId,
                    Owner = record.Creator.Name ?? ObjectCreator.Driver,
                    ReferenceType = captured > 0 ? ObjectReferenceType.CapturedInObject : ObjectReferenceType.LocalReference,
                });
            }

            list.Sort(static (a, b) => a.Id.Sequence.CompareTo(b.Id.Sequence));
            return list;
        }
    }

    /// <summary>The totals, for <see cref="Ray.State.Memory"/>.</summary>
    public ObjectStoreMemoryInfo Memory()
    {
        lock (Gate)
        {
            ReleaseDeadLocked();
            return new ObjectStoreMemoryInfo
            {
                UsedBytes = _used,
                CapacityBytes = CapacityBytes,
                SpilledBytes = _spilled,
                SpillCapacityBytes = SpillCapacityBytes,
                ObjectsInMemory = _lru.Count,
                ObjectsSpilled = _records.Count - _lru.Count,
                SpillCount = _spillCount,
                RestoreCount = _restoreCount,
                Overcommits = _overcommits,
                InlineObjectMaxBytes = InlineMaxBytes,
                SpillDirectory = _spill.Path,
            };
        }
    }

    /// <summary>At shutdown: forgets every record and deletes the spill directory. Values still in memory stay readable.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var record in _records.Values)
            {
                record.MarkReleased();
            }

            _records.Clear();
            _lru.Clear();
            _used = 0;
            _spilled = 0;
            _spill.DeleteAll();
        }
    }

    private void Admit(ObjectRef entry, long size, bool throwWhenFull)
    {
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }

            DrainDyingLocked();
            if (!MakeRoom(size))
            {
                if (throwWhenFull)
                {
                    var full = Full(size);
                    Log.StoreFull(full.Message);
                    throw full;
                }

                _overcommits++;
                Log.ResultOverCapacity(size, _used, CapacityBytes);
            }

            var record = new StoredObject(this, entry, size) { Creator = ObjectCreator.Of(entry) };
            _records.Add(record.Id, record);
            _lru.AddLast(record.LruNode);
            _used += size;
            var lease = new StoreLease(record);
            entry.MoveIntoLease(lease);
            entry.Lease = lease;
        }
    }

    /// <summary>Frees memory for <paramref name="size"/> more bytes: drops dead objects, then spills the least recently used; true when it fits.</summary>
    private bool MakeRoom(long size)
    {
        if (_used + size <= CapacityBytes)
        {
            return true;
        }

        if (size > CapacityBytes)
        {
            return false;
        }

        ReleaseDeadLocked();
        for (var node = _lru.First; node is not null && _used + size > CapacityBytes; )
        {
            var next = node.Next;
            if (node.Value.RecentlyUsed)
            {
                // Read without the lock since it was last ordered: a second chance, at the most recent end.
                node.Value.RecentlyUsed = false;
                _lru.Remove(node);
                _lru.AddLast(node);
                next ??= node;
            }
            else if (node.Value.Entry is { IsCompleted: true } entry && entry.CanSpill)
            {
                TrySpill(node.Value, entry);
            }

            node = next;
        }

        return _used + size <= CapacityBytes;
    }

    private void TrySpill(StoredObject record, ObjectRef entry)
    {
        var room = SpillCapacityBytes is { } limit ? limit - _spilled : long.MaxValue;
        if (room <= 0)
        {
            return;
        }

        string file;
        long bytes;
        ObjectRef[]? pinned;
        try
        {
            using var scope = NestedRefScope.Enter(this);
            (file, bytes) = _spill.Write(record.Id, entry);
            pinned = scope.Found();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or MessagePack.MessagePackSerializationException or NotSupportedException)
        {
            return; // the disk refuses or the formatter cannot write the value: it stays in memory
        }

        if (bytes > room)
        {
            SpillDirectory.TryDelete(file);
            return;
        }

        record.SpillPath = file;
        entry.DropValue();
        record.SpilledBytes = bytes;
        record.PinnedRefs = pinned;
        _lru.Remove(record.LruNode);
        _used -= record.SizeBytes;
        _spilled += bytes;
        _spillCount++;
        Log.ObjectSpilled(record.Id, record.SizeBytes, bytes, file, _used, CapacityBytes);
    }

    private void DrainDyingLocked()
    {
        while (_dying.TryDequeue(out var record))
        {
            ReleaseLocked(record);
        }
    }

    private void ReleaseDeadLocked()
    {
        DrainDyingLocked();
        List<StoredObject>? dead = null;
        foreach (var record in _records.Values)
        {
            if (record.Entry is null)
            {
                (dead ??= []).Add(record);
            }
        }

        foreach (var record in dead ?? [])
        {
            ReleaseLocked(record);
        }
    }

    private void ReleaseLocked(StoredObject record)
    {
        if (record.IsReleased)
        {
            return;
        }

        if (record.SpillPath is { } file)
        {
            SpillDirectory.TryDelete(file);
            _spilled -= record.SpilledBytes;
        }
        else if (record.LruNode.List is not null)
        {
            _lru.Remove(record.LruNode);
            _used -= record.SizeBytes;
        }

        _records.Remove(record.Id);
        record.MarkReleased();
    }

    private void SweepShared()
    {
        foreach (var (id, weak) in _shared)
        {
            if (!weak.TryGetTarget(out _))
            {
                _shared.TryRemove(id, out _);
            }
        }

        Volatile.Write(ref _sharedSweepAt, Math.Max(1024, 2 * _shared.Count));
    }

    private ObjectStoreFullException Full(long size)
    {
        var unspillable = 0;
        foreach (var record in _lru)
        {
            if (record.Entry is { CanSpill: false })
            {
                unspillable++;
            }
        }

        var disk = SpillCapacityBytes is { } limit ? $"{Bytes(_spilled)} of {Bytes(limit)} (RayOptions.ObjectSpillingMaxBytes)" : $"{Bytes(_spilled)} (no limit set)";
        var message = size > CapacityBytes
            ? $"The object store cannot take a {Bytes(size)} object: it is larger than the whole store ({Bytes(CapacityBytes)}, RayOptions.ObjectStoreMemory). "
              + "Raise RayOptions.ObjectStoreMemory, or split the value into smaller objects."
            : $"The object store is full: a {Bytes(size)} object does not fit. Memory: {Bytes(_used)} of {Bytes(CapacityBytes)} used by {_lru.Count} objects"
              + $" ({unspillable} of them cannot be spilled: their types have no MessagePack formatter). Spilled to disk: {disk}, in {_spill.Path}. "
              + "Drop the refs you no longer need so their objects are released, or raise RayOptions.ObjectStoreMemory or RayOptions.ObjectSpillingMaxBytes.";
        return new ObjectStoreFullException(message, size, _used, CapacityBytes, _spilled, SpillCapacityBytes);
    }

    private static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    private static string TypeNameOf(Type type) => type.FullName ?? type.Name;
}
