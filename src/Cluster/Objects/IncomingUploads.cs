using System;
using System.Collections.Concurrent;
using System.Threading;

namespace RaySharp.Cluster.Objects;

/// <summary>
/// Objects a driver is uploading to this node, chunk by chunk (see <see cref="DriverUploads"/>). An upload that gets no
/// chunk for <see cref="Abandoned"/> (its driver died or hung mid-way) is dropped by the next chunk of any upload, so
/// a dead driver's half-sent bytes do not stay on the node.
/// </summary>
/// <param name="now">Milliseconds of a monotonic clock; <see cref="Environment.TickCount64"/> unless a test sets it.</param>
internal sealed class IncomingUploads(Func<long>? now = null)
{
    /// <summary>How long an upload may go without a chunk before it counts as abandoned (chunks of 4 MiB follow each other at once).</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<ObjectId, Partial> _partial = new();
    private readonly Func<long> _now = now ?? (static () => Environment.TickCount64);

    /// <summary>Uploads under way.</summary>
    public int Count => _partial.Count;

    /// <summary>Copies one chunk in; returns the object's bytes once every chunk arrived, else null.</summary>
    /// <exception cref="InvalidOperationException">The chunk does not fit the object's announced length.</exception>
    public byte[]? Receive(ObjectId id, long total, long offset, byte[] chunk)
    {
        if (total <= 0 || total > Array.MaxLength || offset < 0 || offset + chunk.LongLength > total)
        {
            throw new InvalidOperationException($"Bytes {offset}..{offset + chunk.LongLength} do not fit object {id} of {total} bytes (objects are at most {Array.MaxLength} bytes).");
        }

        var now = _now();
        DropAbandoned(now);
        var partial = _partial.GetOrAdd(id, static (_, length) => new Partial(length), total);
        if (partial.Bytes.LongLength != total)
        {
            throw new InvalidOperationException($"Object {id} was announced with {partial.Bytes.LongLength} bytes, not {total}.");
        }

        Volatile.Write(ref partial.LastChunk, now);
        chunk.CopyTo(partial.Bytes, offset);
        if (Interlocked.Add(ref partial.Received, chunk.LongLength) < total)
        {
            return null;
        }

        _partial.TryRemove(id, out _);
        return partial.Bytes;
    }

    private void DropAbandoned(long now)
    {
        foreach (var (id, partial) in _partial)
        {
            if (now - Volatile.Read(ref partial.LastChunk) > (long)Abandoned.TotalMilliseconds)
            {
                _partial.TryRemove(id, out _);
            }
        }
    }

    private sealed class Partial(long length)
    {
        public readonly byte[] Bytes = GC.AllocateUninitializedArray<byte>((int)length);
        public long Received;
        public long LastChunk = long.MaxValue; // set before the first copy; never abandoned before that
    }
}
