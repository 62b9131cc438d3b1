using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Objects;
using RaySharp.Wire;

namespace RaySharp.Cluster.Objects;

/// <summary>
/// A driver's large ref arguments. A driver is an Orleans client: it hosts no grain and no side channel, so no node can
/// pull from it. Instead, the first task that needs a large object on a node uploads its bytes there, in chunks, and
/// the node serves them as if it had pulled a copy; the spec names that node, and leaves only once the upload is done.
/// Later tasks for the same node reuse the upload: once per node, as a pull would be. When the driver releases the
/// object, or shuts down, it frees every node's copy itself (no node serves another a driver's object, so none is left
/// behind).
/// </summary>
internal sealed class DriverUploads(string driverId, Func<string, IObjectSourceGrain> source)
{
    [ThreadStatic]
    private static string? t_target;

    [ThreadStatic]
    private static List<Task>? t_pending;

    private readonly ConcurrentDictionary<(ObjectId Id, string Node), Upload> _uploads = new();
    private readonly ConditionalWeakTable<ObjectRef, ReleaseSentinel> _watched = new();
    private long _uploaded;

    /// <summary>True while a spec for a node is written on this thread: large values are uploaded to that node.</summary>
    public static bool HasTarget => t_target is not null;

    /// <summary>The uploads the spec written in this thread's scope waits for, or null when none is under way.</summary>
    public static Task? Pending => t_pending is { Count: > 0 } pending ? Task.WhenAll(pending) : null;

    /// <summary>Objects uploaded so far.</summary>
    public long Uploaded => Interlocked.Read(ref _uploaded);

    /// <summary>Uploads to node <paramref name="node"/> while the returned scope lives (a spec for that node is written).</summary>
    public static Scope To(string node)
    {
        t_target = node;
        t_pending = null;
        return default;
    }

    /// <summary>Starts (or joins) the upload of <paramref name="reference"/>'s bytes; returns the reference to write.</summary>
    public ObjectReference Offer(ObjectRef reference, byte[] bytes)
    {
        var target = t_target ?? throw new InvalidOperationException("A driver uploads a large object only while it writes a spec for a node.");
        var fresh = new Upload(target);
        var upload = _uploads.GetOrAdd((reference.Id, target), fresh);
        if (ReferenceEquals(upload, fresh))
        {
            _watched.TryAdd(reference, new ReleaseSentinel(Free, reference.Id)); // one per object, whatever the nodes
            _ = SendAsync(reference.Id, fresh, bytes);
        }

        return Join(reference.Id, upload, bytes.LongLength);
    }

    /// <summary>The reference of an object uploaded (or uploading) already; false when there is none.</summary>
    public bool TryReuse(ObjectRef reference, out ObjectReference offered)
    {
        if (t_target is { } target && _uploads.TryGetValue((reference.Id, target), out var upload) && upload.Size is { } size)
        {
            offered = Join(reference.Id, upload, size);
            return true;
        }

        offered = default;
        return false;
    }

    /// <summary>Frees every uploaded copy (the driver shuts down), waiting at most <paramref name="timeout"/>.</summary>
    public void FreeAll(TimeSpan timeout)
    {
        var frees = new List<Task>();
        foreach (var key in _uploads.Keys)
        {
            if (_uploads.TryRemove(key, out _))
            {
                frees.Add(FreeAsync(key.Id, key.Node));
            }
        }

        Task.WaitAll([.. frees], timeout);
    }

    private static ObjectReference Join(ObjectId id, Upload upload, long size)
    {
        if (!upload.Done.IsCompletedSuccessfully)
        {
            (t_pending ??= []).Add(upload.Done);
        }

        return new ObjectReference(id, upload.Node, size);
    }

    private async Task SendAsync(ObjectId id, Upload upload, byte[] bytes)
    {
        try
        {
            var grain = source(upload.Node);
            for (long offset = 0; offset < bytes.LongLength; offset += ClusterObjects.ChunkBytes)
            {
                var count = (int)Math.Min(ClusterObjects.ChunkBytes, bytes.LongLength - offset);
                await grain.Upload(driverId, id.Owner, id.Sequence, bytes.LongLength, offset, bytes.AsSpan((int)offset, count).ToArray()).ConfigureAwait(false);
            }

            upload.Size = bytes.LongLength;
            Interlocked.Increment(ref _uploaded);
            upload.Completion.SetResult();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            _uploads.TryRemove(new((id, upload.Node), upload)); // the next task that needs it there uploads it again
            upload.Completion.SetException(new InvalidOperationException($"Object {id} ({bytes.LongLength} bytes) could not be uploaded to node {upload.Node}: {error.Message}", error));
        }
    }

    private void Free(ObjectId id)
    {
        foreach (var key in _uploads.Keys)
        {
            if (key.Id == id && _uploads.TryRemove(key, out _))
            {
                _ = FreeAsync(id, key.Node);
            }
        }
    }

    private async Task FreeAsync(ObjectId id, string node)
    {
        await Task.Yield(); // off the caller's thread (the finalizer's, for a released object)
        try
        {
            await source(node).Free(driverId, id.Owner, id.Sequence).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The node left the cluster: its copy went with it.
        }
    }

    /// <summary>The scope of one spec's writing; read <see cref="Pending"/> before it ends.</summary>
    public readonly struct Scope : IDisposable
    {
        public void Dispose()
        {
            t_target = null;
            t_pending = null;
        }
    }

    private sealed class Upload(string node)
    {
        public string Node { get; } = node;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Done => Completion.Task;

        /// <summary>The object's length once the upload finished (a reused reference names it).</summary>
        public long? Size { get; set; }
    }
}
