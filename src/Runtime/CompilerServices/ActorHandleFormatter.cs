using System.ComponentModel;
using MessagePack;
using MessagePack.Formatters;
using RaySharp.Serialization;

namespace RaySharp.CompilerServices;

/// <summary>
/// Writes an actor handle as its actor id (<c>[owner, sequence]</c>), in a cluster with the node hosting the actor
/// (<c>[owner, sequence, node]</c>), and reads it back bound to that actor in the runtime that reads it, so handles
/// stay plain data across copies, processes and nodes. The generated resolver uses it for every actor in a signature.
/// </summary>
/// <typeparam name="THandle">The generated handle type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ActorHandleFormatter<THandle> : IMessagePackFormatter<THandle?>
    where THandle : ActorHandle, IActorHandle<THandle>
{
    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, THandle? value, MessagePackSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        var node = RaySerializerOptions.RuntimeOf(options)?.Backend.NodeOf(value);
        if (node is null)
        {
            RuntimeTypeFormatters.WriteId(ref writer, value.Id.Owner, value.Id.Sequence);
            return;
        }

        writer.WriteArrayHeader(3);
        writer.Write(value.Id.Owner);
        writer.Write(value.Id.Sequence);
        writer.Write(node);
    }

    /// <inheritdoc />
    public THandle? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var count = reader.ReadArrayHeader();
        if (count is not (2 or 3))
        {
            throw new MessagePackSerializationException("An actor handle is written as [owner, sequence] or [owner, sequence, node].");
        }

        var owner = reader.ReadUInt64();
        var sequence = reader.ReadUInt64();
        var node = count == 3 ? reader.ReadString() : null;
        var handle = THandle.FromId(new ActorId(owner, sequence));
        RaySerializerOptions.RuntimeOf(options)?.Backend.TryBind(handle, node);
        return handle;
    }
}
