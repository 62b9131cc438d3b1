using System;
using System.Buffers;
using System.IO;

namespace RaySharp.Objects.Store;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> that streams what MessagePack writes into a spill file through one pooled
/// buffer, so spilling a large object does not first build a second copy of it in memory. It checksums the bytes as
/// they go out, and <see cref="Complete"/> appends the <see cref="SpillFileFormat"/> trailer.
/// </summary>
internal sealed class SpillFileWriter : IBufferWriter<byte>, IDisposable
{
    private const int ChunkBytes = 1 << 20;
    private readonly FileStream _file;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private int _filled;
    private uint _crc;

    public SpillFileWriter(string path) =>
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);

    /// <summary>Payload bytes written so far (flushed or not), without the trailer.</summary>
    public long Written { get; private set; }

    public void Advance(int count)
    {
        _filled += count;
        Written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_filled);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_filled);
    }

    /// <summary>Writes what is buffered to the file; throws <see cref="IOException"/> when the disk refuses.</summary>
    public void Flush()
    {
        if (_filled > 0)
        {
            _crc = SpillFileFormat.Crc32C(_crc, _buffer.AsSpan(0, _filled));
            _file.Write(_buffer, 0, _filled);
            _filled = 0;
        }
    }

    /// <summary>Flushes the payload and appends the trailer; returns the file's whole size.</summary>
    public long Complete()
    {
        Flush();
        Span<byte> trailer = stackalloc byte[SpillFileFormat.TrailerBytes];
        SpillFileFormat.WriteTrailer(trailer, Written, _crc);
        _file.Write(trailer);
        return Written + SpillFileFormat.TrailerBytes;
    }

    public void Dispose()
    {
        _file.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Reserve(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _filled >= sizeHint)
        {
            return;
        }

        Flush();
        if (_buffer.Length < sizeHint)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(sizeHint);
        }
    }
}
