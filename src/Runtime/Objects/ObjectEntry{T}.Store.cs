using System;
using System.Buffers;
using System.Threading;
using RaySharp.Objects.Store;
using RaySharp.Serialization;

namespace RaySharp.Objects;

/// <summary>Typed value access for the object store: sizing, spilling and restoring.</summary>
internal sealed partial class ObjectEntry<T>
{
    internal override Type ValueType => typeof(T);

    internal override bool CanSpill => RaySerializer.CanSerialize<T>();

    internal override long MeasureValue() => ObjectSizer.Measure(_value);

    internal override void WriteValue(IBufferWriter<byte> writer) => RaySerializer.Serialize(writer, _value);

    internal override void DropValue() => _value = default!;

    internal override void RestoreValue(ReadOnlyMemory<byte> bytes) => _value = RaySerializer.Deserialize<T>(bytes);

    /// <summary>
    /// The value of a tracked entry. In memory, it is read without a lock and kept only if no spill or restore ran
    /// meanwhile (the record's seqlock), so a Get stays O(1) whatever the size; otherwise it is read under the store's
    /// lock, restored from disk first when it was spilled.
    /// </summary>
    private T ReadThroughStore()
    {
        var record = Lease!.Record;
        var version = Volatile.Read(ref record.Version);
        if ((version & 1) == 0 && !record.IsSpilled)
        {
            var value = _value;
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref record.Version) == version)
            {
                record.RecentlyUsed = true;
                return value;
            }
        }

        lock (record.Store.Gate)
        {
            record.Store.EnsureInMemory(record, this);
            return _value;
        }
    }
}
