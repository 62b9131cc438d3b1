using System;
using System.Buffers;

namespace RaySharp.Wire;

/// <summary>
/// A growable buffer kept per thread for the bytes that leave a node (specs, results): writing one takes no buffer of
/// its own, only the exact-size array it ends as. A write nested in another on the same thread gets a fresh buffer.
/// </summary>
internal static class WireBuffer
{
    /// <summary>A buffer above this size is not kept for the next write: a large value would pin its memory.</summary>
    private const int MaxKeptBytes = 64 << 10;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>Takes this thread's buffer, empty; give it back with <see cref="ToArrayAndReturn"/>.</summary>
    public static ArrayBufferWriter<byte> Rent()
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(256);
        t_buffer = null;
        return buffer;
    }

    /// <summary>Copies what <paramref name="buffer"/> holds into a new array and keeps the buffer for this thread's next write.</summary>
    public static byte[] ToArrayAndReturn(ArrayBufferWriter<byte> buffer)
    {
        var bytes = buffer.WrittenSpan.ToArray();
        Return(buffer);
        return bytes;
    }

    private static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= MaxKeptBytes)
        {
            buffer.ResetWrittenCount();
            t_buffer = buffer;
        }
    }
}
