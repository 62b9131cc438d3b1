using System;

namespace RaySharp.Objects.Store;

/// <summary>
/// The store's hold on one tracked object, referenced only by the object's <see cref="ObjectRef"/>. An entry is
/// reachable while a ref to it is (in user code, in a pending task's arguments, or inside another in-memory value);
/// once it is not, the GC finalizes this lease and the store releases the object: its bytes leave the accounting and
/// its spill file is deleted. This is how reference counting works in one process: the GC counts.
/// </summary>
internal sealed class StoreLease(StoredObject record)
{
    public StoredObject Record { get; } = record;

    /// <summary>
    /// The value while it is in memory, as an immutable <c>StrongBox&lt;T&gt;</c>; null while it is spilled. Swapping one
    /// reference is atomic, so a reader gets the whole value or goes to the store; a Get takes no lock and stays O(1).
    /// </summary>
    public volatile object? Value;

    /// <summary>
    /// When set, a finalized lease hands its record here instead of to <see cref="ObjectStore.Release"/>. Tests only:
    /// the Coyote harness collects the records on the finalizer thread, which no scheduler controls, and runs the
    /// store's release itself, racing with other store operations. Unset, it costs one static read per release.
    /// </summary>
    internal static Action<StoredObject>? FinalizedOverride { get; set; }

    ~StoreLease()
    {
        if (FinalizedOverride is { } route)
        {
            route(Record);
            return;
        }

        Record.Store.Release(Record);
    }
}
