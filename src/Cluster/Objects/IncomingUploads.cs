using System;
using System.Collections.Concurrent;
using System.Threading;

namespace RaySharp.Cluster.Objects;

/// <summary>Objects a driver is uploading to this node, chunk by chunk (see <see cref="DriverUploads"/>).</summary>
internal sealed class IncomingUploads
{
    private readonly ConcurrentDictionary<ObjectId, Partial> _partial = new();

    /// <summary>Copies one chunk in; returns the object's bytes once every chunk arrived, else null.</summary>
    /// <exception cref="InvalidOperationException">The chunk does not fit the object's announced length.</exception>
    public byte[]? Receive(ObjectId id, long total, long offset, byte[] chunk)
    {
        if (total <= 0 || total > Array.MaxLength || offset < 0 || offset + chunk.LongLength > total)
        {
            throw new InvalidOperationException($"Bytes {offset}..{offset + chunk.LongLength} do not fit object {id} of {total} bytes (objects are at most {Array.MaxLength} bytes).");
        }

        var partial = _partial.GetOrAdd(id, static (_, length) => new Partial(length), total);
        if (partial.Bytes.LongLength != total)
        {
            throw new InvalidOperationException($"Object {id} was announced with {partial.Bytes.LongLength} bytes, not {total}.");
        }

        chunk.CopyTo(partial.Bytes, offset);
        if (Interlocked.Add(ref partial.Received, chunk.LongLength) < total)
        {
            return null;
        }

        _partial.TryRemove(id, out _);
        return partial.Bytes;
    }

    private sealed class Partial(long length)
    {
        public readonly byte[] Bytes = GC.AllocateUninitializedArray<byte>((int)length);
        public long Received;
    }
}
