using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using RaySharp.Objects.Semantics;
using RaySharp.Objects.Store;
using RaySharp.Serialization;

namespace RaySharp.Objects;

/// <summary>
/// Typed value access for the object store: sizing, spilling and restoring the frozen value. A snapshot is already
/// MessagePack bytes, so it is measured and spilled as those bytes; other values are measured by
/// <see cref="ObjectSizer"/> and serialized when spilled.
/// </summary>
internal sealed partial class ObjectEntry<T>
{
    internal override Type ValueType => typeof(T);

    internal override bool CanSpill => RaySerializer.CanSerialize<T>();

    internal override void MoveIntoLease(StoreLease lease)
    {
        lease.Value = new StrongBox<Frozen<T>>(_value);
        _value = default;
    }

    internal override long MeasureValue()
    {
        var current = CurrentValue;
        return current.Bytes is { } bytes ? bytes.LongLength : ObjectSizer.Measure(current.Stored);
    }

    internal override void WriteValue(IBufferWriter<byte> writer)
    {
        var current = CurrentValue;
        if (current.Bytes is { } bytes)
        {
            writer.Write(bytes); // a snapshot is the value's MessagePack already
            foreach (var nested in current.NestedRefs ?? [])
            {
                NestedRefScope.Current?.OnWritten(nested); // the spilled object keeps holding them
            }
        }
        else
        {
            RaySerializer.Serialize(writer, current.Stored);
        }
    }

    internal override void DropValue() => Lease!.Value = null;

    internal override void RestoreValue(ReadOnlyMemory<byte> bytes, ObjectRef[]? nestedRefs) =>
        Lease!.Value = new StrongBox<Frozen<T>>(Frozen<T>.FromSpilled(bytes, nestedRefs));

    /// <summary>The frozen value, wherever it is now: in this entry, or boxed in the lease (default while spilled).</summary>
    private Frozen<T> CurrentValue => Lease is { } lease ? (lease.Value is StrongBox<Frozen<T>> box ? box.Value : default) : _value;

    /// <summary>
    /// The value of a tracked entry. In memory it is one atomic read of the lease's box, with no lock, so a Get stays
    /// O(1) whatever the size; when spilled, the store restores it under its lock first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Frozen<T> ReadThroughStore()
    {
        var lease = Lease!;
        if (lease.Value is { } boxed)
        {
            var used = lease.Record;
            if (!used.RecentlyUsed)
            {
                used.RecentlyUsed = true; // written only when it changes, so hot readers do not dirty the line
            }

            return Unsafe.As<StrongBox<Frozen<T>>>(boxed).Value; // the lease only ever holds a StrongBox<Frozen<T>>
        }

        return ReadSpilled(lease);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Frozen<T> ReadSpilled(StoreLease lease)
    {
        var record = lease.Record;
        lock (record.Store.Gate)
        {
            record.Store.EnsureInMemory(record, this);
            return ((StrongBox<Frozen<T>>)lease.Value!).Value;
        }
    }
}
