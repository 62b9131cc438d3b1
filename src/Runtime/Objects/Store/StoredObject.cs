using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace RaySharp.Objects.Store;

/// <summary>
/// What the store knows about one tracked object. It holds its entry only weakly, so the store never keeps an object
/// alive; spilled objects hold the refs that were inside them (<see cref="PinnedRefs"/>), which keeps those alive.
/// All fields change under <see cref="ObjectStore.Gate"/>.
/// </summary>
internal sealed class StoredObject
{
    private GCHandle _entry;

    /// <summary>Set by reads, which take no lock; eviction gives such an object a second chance (CLOCK, an approximation of LRU).</summary>
    public volatile bool RecentlyUsed;

    public StoredObject(ObjectStore store, ObjectRef entry, long sizeBytes)
    {
        Store = store;
        Id = entry.Id;
        ValueType = entry.ValueType;
        SizeBytes = sizeBytes;
        _entry = GCHandle.Alloc(entry, GCHandleType.Weak);
        LruNode = new LinkedListNode<StoredObject>(this);
    }

    public ObjectStore Store { get; }

    public ObjectId Id { get; }

    public Type ValueType { get; }

    /// <summary>The task that returned or put it, or the driver.</summary>
    public ObjectCreator Creator { get; init; }

    /// <summary>The accounted in-memory size (see <see cref="ObjectSizer"/>).</summary>
    public long SizeBytes { get; set; }

    /// <summary>The file holding the value while it is spilled, else null.</summary>
    public string? SpillPath { get; set; }

    /// <summary>The bytes of the spill file (exact), while spilled.</summary>
    public long SpilledBytes { get; set; }

    /// <summary>Refs found inside the value when it was spilled: the store keeps them alive until the value is back in memory or released.</summary>
    public ObjectRef[]? PinnedRefs { get; set; }

    /// <summary>The node of this object in the store's least-recently-used list (listed only while in memory).</summary>
    public LinkedListNode<StoredObject> LruNode { get; }

    public bool IsSpilled => SpillPath is not null;

    public bool IsReleased { get; private set; }

    /// <summary>The entry, or null once it is unreachable (its lease's finalizer is then due).</summary>
    public ObjectRef? Entry => IsReleased ? null : (ObjectRef?)_entry.Target;

    /// <summary>Marks the record released and frees its handle; idempotent.</summary>
    public void MarkReleased()
    {
        if (IsReleased)
        {
            return;
        }

        IsReleased = true;
        _entry.Free();
        PinnedRefs = null;
    }
}
