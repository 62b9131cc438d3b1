using System;
using MessagePack;
using RaySharp.CompilerServices;
using RaySharp.Objects;

namespace RaySharp.Wire;

/// <summary>
/// One argument on the wire: its value, or, for a ref argument whose value is larger than the transfer's inline limit,
/// an <see cref="ObjectReference"/> that the receiving node resolves to a local entry (pulled once per node).
/// </summary>
internal static class WireArg
{
    public static void Write<T>(ref MessagePackWriter writer, Arg<T> arg, MessagePackSerializerOptions options, IObjectTransfer? transfer)
    {
        if (transfer is null || arg.Ref is not { } reference)
        {
            WireValue.Write(ref writer, arg.Value, options);
            return;
        }

        if (transfer.TryReuse(reference, out var offered))
        {
            offered.Write(ref writer);
            return;
        }

        var bytes = MessagePackSerializer.Serialize(arg.Value, options);
        if (bytes.Length <= transfer.InlineMaxBytes)
        {
            writer.WriteRaw(bytes);
            return;
        }

        transfer.Offer(reference, bytes).Write(ref writer);
    }

    public static Arg<T> Read<T>(ref MessagePackReader reader, MessagePackSerializerOptions options, IObjectTransfer? transfer)
    {
        if (!ObjectReference.TryRead(ref reader, out var reference))
        {
            return new Arg<T>(WireValue.Read<T>(ref reader, options));
        }

        if (transfer is null)
        {
            throw new MessagePackSerializationException(
                $"The task spec passes object {reference.Id} by reference (held by node {reference.Node}), but this reader cannot pull objects from other nodes.");
        }

        return transfer.Resolve(reference, ResultCodec<T>.Instance) is ObjectEntry<T> entry
            ? new Arg<T>(entry)
            : throw new MessagePackSerializationException($"Object {reference.Id} does not hold a {typeof(T).Name} on this node.");
    }
}
