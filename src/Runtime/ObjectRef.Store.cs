using System;
using System.Buffers;
using RaySharp.Objects.Store;

namespace RaySharp;

/// <summary>The object store's view of an entry (a ref): its lease, and typed access to the value for sizing and spilling.</summary>
public abstract partial class ObjectRef
{
    /// <summary>
    /// The store's lease on this entry when the store tracks it (its size is above the inline limit), else null.
    /// Only this entry holds the lease, so the lease dies with the entry and its finalizer releases the object.
    /// </summary>
    internal StoreLease? Lease
    {
        get => _slot as StoreLease;
        set => _slot = value; // set under the store's lock before the entry publishes (the producer is done with it)
    }

    /// <summary>True once a ref to this entry was serialized and the store can find it by id (set once, never cleared).</summary>
    internal bool IsShared { get; set; }

    /// <summary>The static type of the value, for <see cref="Ray.State"/>.</summary>
    internal abstract Type ValueType { get; }

    /// <summary>True when the value's type has a formatter, so the value can be spilled.</summary>
    internal abstract bool CanSpill { get; }

    /// <summary>Moves the value into <paramref name="lease"/> (boxed), where the store can drop and restore it atomically.</summary>
    internal abstract void MoveIntoLease(StoreLease lease);

    /// <summary>The accounted size of the staged or stored value (see <see cref="ObjectSizer"/>).</summary>
    internal abstract long MeasureValue();

    /// <summary>Writes the value as MessagePack; the store calls it under its lock.</summary>
    internal abstract void WriteValue(IBufferWriter<byte> writer);

    /// <summary>Drops the in-memory value after it was written to disk; the store calls it under its lock.</summary>
    internal abstract void DropValue();

    /// <summary>Reads the value back from its spilled bytes and the refs found inside it; the store calls it under its lock.</summary>
    internal abstract void RestoreValue(ReadOnlyMemory<byte> bytes, ObjectRef[]? nestedRefs);
}
