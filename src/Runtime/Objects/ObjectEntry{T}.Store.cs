using System;
using System.Buffers;
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

    /// <summary>The value of a tracked entry: restored from disk first when it was spilled, and read under the store's lock so a spill cannot race it.</summary>
    private T ReadThroughStore()
    {
        var record = Lease!.Record;
        lock (record.Store.Gate)
        {
            record.Store.EnsureInMemory(record, this);
            return _value;
        }
    }
}
