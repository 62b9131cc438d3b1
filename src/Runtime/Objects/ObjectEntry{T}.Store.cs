using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using RaySharp.Objects.Store;
using RaySharp.Serialization;

namespace RaySharp.Objects;

/// <summary>Typed value access for the object store: sizing, spilling and restoring.</summary>
internal sealed partial class ObjectEntry<T>
{
    internal override Type ValueType => typeof(T);

    internal override bool CanSpill => RaySerializer.CanSerialize<T>();

    internal override void MoveIntoLease(StoreLease lease)
    {
        lease.Value = new StrongBox<T>(_value);
        _value = default!;
    }

    internal override long MeasureValue() => ObjectSizer.Measure(CurrentValue);

    internal override void WriteValue(IBufferWriter<byte> writer) => RaySerializer.Serialize(writer, CurrentValue);

    internal override void DropValue() => Lease!.Value = null;

    internal override void RestoreValue(ReadOnlyMemory<byte> bytes) => Lease!.Value = new StrongBox<T>(RaySerializer.Deserialize<T>(bytes));

    /// <summary>The value, wherever it is now: in this entry, or boxed in the lease (default while spilled).</summary>
    private T CurrentValue => Lease is { } lease ? (lease.Value is StrongBox<T> box ? box.Value! : default!) : _value;

    /// <summary>
    /// The value of a tracked entry. In memory it is one atomic read of the lease's box, with no lock, so a Get stays
    /// O(1) whatever the size; when spilled, the store restores it under its lock first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T ReadThroughStore()
    {
        var lease = Lease!;
        if (lease.Value is { } boxed)
        {
            var used = lease.Record;
            if (!used.RecentlyUsed)
            {
                used.RecentlyUsed = true; // written only when it changes, so hot readers do not dirty the line
            }

            return Unsafe.As<StrongBox<T>>(boxed).Value!; // the lease only ever holds a StrongBox<T>
        }

        return ReadSpilled(lease);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private T ReadSpilled(StoreLease lease)
    {
        var record = lease.Record;
        lock (record.Store.Gate)
        {
            record.Store.EnsureInMemory(record, this);
            return ((StrongBox<T>)lease.Value!).Value!;
        }
    }
}
