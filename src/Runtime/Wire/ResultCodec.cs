using MessagePack;
using RaySharp.Objects;

namespace RaySharp.Wire;

/// <summary>
/// Makes the typed result entry of a task that arrived as bytes, writes its value once it is ready, and on the
/// caller's node reads the value back into the caller's entry.
/// </summary>
internal abstract class ResultCodec
{
    /// <summary>A pending entry of the result's type, for running a received task on this node.</summary>
    public abstract ObjectRef NewEntry(ObjectId id);

    /// <summary>True when <paramref name="entry"/> holds this codec's type (a cached copy can be reused).</summary>
    public abstract bool Holds(ObjectRef entry);

    /// <summary>Writes the value of <paramref name="entry"/>, which succeeded.</summary>
    public abstract void Write(ref MessagePackWriter writer, ObjectRef entry, MessagePackSerializerOptions options);

    /// <summary>Reads a value written by <see cref="Write"/> and publishes it to <paramref name="entry"/>; false when the entry already completed.</summary>
    public abstract bool TryPublish(ObjectRef entry, ref MessagePackReader reader, MessagePackSerializerOptions options);
}

/// <summary>The result codec of a function whose result ref holds a <typeparamref name="T"/>.</summary>
internal sealed class ResultCodec<T> : ResultCodec
{
    public static ResultCodec<T> Instance { get; } = new();

    public override ObjectRef NewEntry(ObjectId id) => new ObjectEntry<T>(id);

    public override bool Holds(ObjectRef entry) => entry is ObjectEntry<T>;

    public override void Write(ref MessagePackWriter writer, ObjectRef entry, MessagePackSerializerOptions options) =>
        WireValue.Write(ref writer, ((ObjectEntry<T>)entry).Value, options);

    public override bool TryPublish(ObjectRef entry, ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        var typed = (ObjectEntry<T>)entry;
        var value = WireValue.Read<T>(ref reader, options);
        if (typed.IsCompleted)
        {
            return false;
        }

        typed.Stage(value);
        return typed.TryPublishStaged();
    }
}
