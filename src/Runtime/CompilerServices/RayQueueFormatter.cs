using System.ComponentModel;
using MessagePack;
using MessagePack.Formatters;
using RaySharp.Serialization;
using RaySharp.Util;

namespace RaySharp.CompilerServices;

/// <summary>
/// Writes a <see cref="RayQueue{T}"/> as the id of the actor that keeps its items plus its size limit, and reads it back
/// bound to that actor in the current runtime, so a queue passed to a task or returned from one is the same queue.
/// The generated resolver uses it for every queue in a signature.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RayQueueFormatter<T> : IMessagePackFormatter<RayQueue<T>?>
{
    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, RayQueue<T>? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(2);
        RuntimeTypeFormatters.WriteId(ref writer, value.Actor.Id.Owner, value.Actor.Id.Sequence);
        writer.Write(value.MaxSize);
    }

    /// <inheritdoc />
    public RayQueue<T>? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        if (reader.ReadArrayHeader() != 2)
        {
            throw new MessagePackSerializationException("A RayQueue is written as [actor id, max size].");
        }

        var (owner, sequence) = RuntimeTypeFormatters.ReadId(ref reader);
        var maxSize = reader.ReadInt32();
        var actor = QueueActorHandle<T>.FromId(new ActorId(owner, sequence));
        RayRuntime.CurrentOrNull?.Backend.TryBind(actor, null);
        return new RayQueue<T>(actor, maxSize);
    }
}
