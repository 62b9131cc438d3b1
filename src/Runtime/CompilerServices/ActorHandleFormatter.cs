using System.ComponentModel;
using MessagePack;
using MessagePack.Formatters;
using RaySharp.Serialization;

namespace RaySharp.CompilerServices;

/// <summary>
/// Writes an actor handle as its actor id, and reads it back bound to that actor in the runtime that reads it, so handles
/// stay plain data across copies and processes. The generated resolver uses it for every actor in a signature.
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

        RuntimeTypeFormatters.WriteId(ref writer, value.Id.Owner, value.Id.Sequence);
    }

    /// <inheritdoc />
    public THandle? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        var (owner, sequence) = RuntimeTypeFormatters.ReadId(ref reader);
        var handle = THandle.FromId(new ActorId(owner, sequence));
        RaySerializerOptions.RuntimeOf(options)?.Backend.TryBind(handle);
        return handle;
    }
}
