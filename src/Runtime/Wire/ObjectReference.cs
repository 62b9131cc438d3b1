using System;
using System.Buffers;
using MessagePack;

namespace RaySharp.Wire;

/// <summary>
/// An object that travels by reference instead of by value: its id, the node that serves its bytes, and their length.
/// The receiving node pulls the bytes from that node (see <see cref="IObjectTransfer"/>).
/// </summary>
/// <param name="Id">The object's id, as its owner knows it.</param>
/// <param name="Node">The node that holds the bytes and serves pulls of them.</param>
/// <param name="Size">The length of the value's MessagePack bytes.</param>
internal readonly record struct ObjectReference(ObjectId Id, string Node, long Size)
{
    /// <summary>The MessagePack extension type code that marks a large value sent by reference (82, 'R').</summary>
    public const sbyte ExtensionCode = 82;

    /// <summary>The extension type code of a ref nested in a value (or an <c>ObjectRef&lt;T&gt;</c> argument) for another node (83).</summary>
    public const sbyte NestedExtensionCode = 83;

    /// <summary>Writes the reference as extension <see cref="ExtensionCode"/> holding <c>[owner, sequence, node, size]</c>.</summary>
    public void Write(ref MessagePackWriter writer) => Write(ref writer, ExtensionCode);

    /// <summary>Writes the reference as extension <see cref="NestedExtensionCode"/>: a ref, not a value.</summary>
    public void WriteNested(ref MessagePackWriter writer) => Write(ref writer, NestedExtensionCode);

    /// <summary>Reads a nested ref's reference when the next value is one; false (nothing read) otherwise.</summary>
    public static bool TryReadNested(ref MessagePackReader reader, out ObjectReference reference) =>
        TryRead(ref reader, NestedExtensionCode, out reference);

    /// <summary>Reads a reference when the next value is one; false (nothing read) when it is a value.</summary>
    public static bool TryRead(ref MessagePackReader reader, out ObjectReference reference) =>
        TryRead(ref reader, ExtensionCode, out reference);

    private void Write(ref MessagePackWriter writer, sbyte code)
    {
        var body = new ArrayBufferWriter<byte>(64);
        var inner = new MessagePackWriter(body);
        inner.WriteArrayHeader(4);
        inner.Write(Id.Owner);
        inner.Write(Id.Sequence);
        inner.Write(Node);
        inner.Write(Size);
        inner.Flush();
        writer.WriteExtensionFormatHeader(new ExtensionHeader(code, (uint)body.WrittenCount));
        writer.WriteRaw(body.WrittenSpan);
    }

    /// <summary>The reference alone, as bytes (a large result's stand-in).</summary>
    public byte[] ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        var writer = new MessagePackWriter(buffer);
        Write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static bool TryRead(ref MessagePackReader reader, sbyte code, out ObjectReference reference)
    {
        reference = default;
        if (reader.End || reader.NextMessagePackType != MessagePackType.Extension)
        {
            return false;
        }

        var peek = reader.CreatePeekReader();
        if (peek.ReadExtensionFormatHeader().TypeCode != code)
        {
            return false;
        }

        reader.ReadExtensionFormatHeader();
        var count = reader.ReadArrayHeader();
        if (count != 4)
        {
            throw new MessagePackSerializationException($"An object reference is an array of 4 items, not {count}.");
        }

        var owner = reader.ReadUInt64();
        var sequence = reader.ReadUInt64();
        var node = reader.ReadString() ?? throw new MessagePackSerializationException("An object reference names no node.");
        var size = reader.ReadInt64();
        if (size < 0 || size > Array.MaxLength)
        {
            throw new MessagePackSerializationException($"An object reference gives a size of {size} bytes, outside 0..{Array.MaxLength}.");
        }

        reference = new ObjectReference(new ObjectId(owner, sequence), node, size);
        return true;
    }

    /// <summary>Reads <paramref name="bytes"/> as a reference when they hold exactly one.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> bytes, out ObjectReference reference)
    {
        var reader = new MessagePackReader(bytes);
        return TryRead(ref reader, out reference) && reader.End;
    }
}
