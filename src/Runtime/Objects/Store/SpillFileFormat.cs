using System;
using System.Buffers.Binary;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;

namespace RaySharp.Objects.Store;

/// <summary>
/// The layout of a spill file: the value's MessagePack bytes, then a 16-byte trailer (the payload's length as a
/// little-endian int64, its CRC-32C as a little-endian uint32, and the magic <c>RSP1</c>). The trailer goes last so
/// the payload can be streamed out before its length and checksum are known. A file that is cut short, grown, or has a
/// flipped bit is refused with <see cref="InvalidDataException"/> before MessagePack reads a byte of it.
/// </summary>
internal static class SpillFileFormat
{
    public const int TrailerBytes = 16;

    private const uint Magic = 0x31505352; // "RSP1" read as a little-endian uint32

    /// <summary>Writes the trailer for a payload of <paramref name="length"/> bytes whose CRC-32C is <paramref name="crc"/>.</summary>
    public static void WriteTrailer(Span<byte> trailer, long length, uint crc)
    {
        BinaryPrimitives.WriteInt64LittleEndian(trailer, length);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[8..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[12..], Magic);
    }

    /// <summary>The payload of a whole spill file, after checking its trailer, length and checksum.</summary>
    /// <exception cref="InvalidDataException">The file is not a complete, intact spill file; the message names it.</exception>
    public static ReadOnlyMemory<byte> Payload(byte[] file, string path)
    {
        if (file.Length < TrailerBytes)
        {
            throw Corrupt(path, $"it has {file.Length} bytes, fewer than its {TrailerBytes}-byte trailer");
        }

        var trailer = file.AsSpan(file.Length - TrailerBytes);
        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer[12..]) != Magic)
        {
            throw Corrupt(path, "its trailer does not end in the spill-file mark (cut short, or not a spill file)");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(trailer);
        if (length != file.Length - TrailerBytes)
        {
            throw Corrupt(path, $"its trailer records {length} payload bytes but the file holds {file.Length - TrailerBytes}");
        }

        var payload = file.AsMemory(0, (int)length);
        if (Crc32C(0, payload.Span) != BinaryPrimitives.ReadUInt32LittleEndian(trailer[8..]))
        {
            throw Corrupt(path, "the checksum of its payload does not match its trailer (the bytes changed on disk)");
        }

        return payload;
    }

    /// <summary>Extends the CRC-32C <paramref name="crc"/> (0 to start) over <paramref name="bytes"/>; hardware-accelerated where the CPU has it.</summary>
    public static uint Crc32C(uint crc, ReadOnlySpan<byte> bytes)
    {
        crc = ~crc;
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (var word in words)
        {
            crc = BitOperations.Crc32C(crc, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
        }

        foreach (var b in bytes[(words.Length * sizeof(ulong))..])
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }

    private static InvalidDataException Corrupt(string path, string why) =>
        new($"The spill file '{path}' is corrupt: {why}. The object it held cannot be read back; its bytes on disk were "
            + "changed by something other than this runtime (another process, a full or failing disk). Keep "
            + "RayOptions.ObjectSpillingDirectory private to the runtime, or recompute the object.");
}
