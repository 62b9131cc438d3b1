using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MessagePack;
using Orleans;
using Orleans.Runtime;
using RaySharp.Cluster.Cancellation;
using RaySharp.Objects;
using RaySharp.Wire;

namespace RaySharp.Cluster.Objects;

/// <summary>
/// A node's side of objects across nodes. As an owner it serves the bytes of its large ref arguments and results
/// (<see cref="ObjectSource"/>), remembers which nodes pulled a copy, and frees those copies when its own entry is
/// released. As a receiver it keeps one copy per object (<see cref="Copies"/>): concurrent tasks that need the same
/// object share one pull, in chunks of <see cref="ChunkBytes"/> through <see cref="IObjectSourceGrain"/>, and wait for it
/// without a thread, as for any pending ref.
/// </summary>
internal sealed class ClusterObjects : IObjectTransfer, IDisposable
{
    /// <summary>Ray's <c>max_direct_call_object_size</c> (100 KiB): larger values travel by reference and are pulled.</summary>
    public const int DefaultInlineMaxBytes = 100 * 1024;

    /// <summary>Bytes per pull request; far under Orleans' maximum message size.</summary>
    public const int ChunkBytes = 4 * 1024 * 1024;

    /// <summary>Chunk requests of one pull in flight at once.</summary>
    public const int ChunksInFlight = 4;

    private readonly string _nodeId;
    private readonly IGrainFactory _grains;
    private readonly Func<MessagePackSerializerOptions> _options;
    private readonly Func<ObjectId, ObjectRef?> _findLocal;
    private readonly Action<ObjectRef> _share;
    private readonly ConcurrentDictionary<ObjectId, ObjectSource> _sources = new();
    private readonly ConcurrentDictionary<ObjectId, ObjectRef> _copies = new();
    private readonly ConditionalWeakTable<ObjectRef, ReleaseSentinel> _watched = new();
    /// <summary>The results this node owns whose value is kept on the node that ran their task (see <see cref="RemoteResult"/>).</summary>
    private readonly ConditionalWeakTable<ObjectRef, RemoteResult> _remoteResults = new();
    private readonly ConcurrentDictionary<string, Task<ObjectChannelAddress?>> _channels = new();
    private readonly ConcurrentDictionary<ObjectId, BorrowPin> _pins = new();
    private readonly ConcurrentDictionary<ObjectId, WeakReference<ObjectRef>> _borrowed = new();
    /// <summary>The owner of each copy this node pulled, and of each object it borrows and registered with its owner: told when this node leaves.</summary>
    private readonly ConcurrentDictionary<ObjectId, string> _copyOwners = new();
    private readonly Dictionary<ObjectId, (string Owner, int Count)> _borrowOwners = [];
    private readonly ObjectChannelServer? _channel;
    private readonly DriverUploads? _uploads;
    private readonly IncomingUploads _incoming = new();
    private int _inlineMaxBytes;
    private long _pulls;
    private long _bytesPulled;
    private long _copiesFreed;
    private long _freesSent;
    private int _loseNextResults;
    private volatile bool _disposed;

    /// <param name="nodeId">This node's id (a driver's, for a driver).</param>
    /// <param name="grains">The grain factory of the silo or the driver's client.</param>
    /// <param name="serves">False for a driver: an Orleans client hosts no grain, so it cannot serve pulls and sends every value inline.</param>
    /// <param name="options">The runtime's serializer options.</param>
    /// <param name="findLocal">Finds an entry of this node's own store by id.</param>
    /// <param name="share">Makes an entry findable by id in this node's store (refs inside local snapshots name it by id).</param>
    public ClusterObjects(string nodeId, IGrainFactory grains, bool serves, Func<MessagePackSerializerOptions> options, Func<ObjectId, ObjectRef?> findLocal, Action<ObjectRef> share)
    {
        _nodeId = nodeId;
        _grains = grains;
        _options = options;
        _findLocal = findLocal;
        _share = share;
        Serving = serves;
        _inlineMaxBytes = DefaultInlineMaxBytes;
        _uploads = serves ? null : new DriverUploads(nodeId, Source);
        if (serves && SiloAddress.TryParse(nodeId, out var silo))
        {
            try
            {
                _channel = new ObjectChannelServer(silo.Endpoint.Address, ServeChunk);
            }
            catch (System.Net.Sockets.SocketException)
            {
                _channel = null; // no side channel: other nodes pull through grain calls
            }
        }
    }

    /// <summary>False for a driver, which cannot serve pulls or lend refs.</summary>
    public bool Serving { get; }

    /// <summary>Where this node serves object bytes over TCP, or null (a driver, or the listener could not start).</summary>
    public ObjectChannelAddress? ChannelAddress => _channel?.Address;

    /// <summary>Pull over other nodes' side channels when they have one (the default); false pulls through grain calls only.</summary>
    public bool UseSideChannel { get; set; } = true;

    /// <summary>Raised on the owner when the last borrower of an object let it go (for tests).</summary>
    public event Action<ObjectId>? Unpinned;

    /// <summary>Raised on this node when the owner of a copy freed it (for tests: a handshake, not a sleep).</summary>
    public event Action<ObjectId>? CopyFreed;

    /// <summary>Raised on the node that ran a task when the owner of its large result released it and this node dropped the bytes (for tests).</summary>
    public event Action<ObjectId>? ResultDropped;

    /// <summary>How an owner that stops begins its answer to a borrower, which then fails the ref with <see cref="OwnerDiedException"/>.</summary>
    internal const string OwnerShutDown = "The owner shut down:";

    /// <summary>Whether a node has left the cluster (it died, or drains to stop), as the backend knows it; set by the backend.</summary>
    public Func<string, bool> HasLeft { get; set; } = static _ => false;

    /// <summary>
    /// Values up to this many bytes travel inline (100 KiB). A driver, which cannot serve, uploads larger ref arguments
    /// of tasks to the node they go to; what else it sends (actor calls) travels inline whatever the size.
    /// </summary>
    public int InlineMaxBytes
    {
        get => Serving || DriverUploads.HasTarget ? _inlineMaxBytes : int.MaxValue;
        set => _inlineMaxBytes = value;
    }

    /// <summary>Objects this driver uploaded to nodes (0 on a node).</summary>
    public long Uploads => _uploads?.Uploaded ?? 0;

    /// <summary>Pulls this node started: copies of large arguments, borrowed refs and large results.</summary>
    public long Pulls => Interlocked.Read(ref _pulls);

    /// <summary>Bytes this node pulled from others.</summary>
    public long BytesPulled => Interlocked.Read(ref _bytesPulled);

    /// <summary>Copies this node dropped because their owner freed them.</summary>
    public long CopiesFreed => Interlocked.Read(ref _copiesFreed);

    /// <summary>Free messages this node sent to holders of copies of its objects.</summary>
    public long FreesSent => Interlocked.Read(ref _freesSent);

    /// <summary>The copies of other nodes' objects this node holds.</summary>
    public int Copies => _copies.Count;

    /// <summary>True while this node holds a copy of <paramref name="id"/>.</summary>
    public bool HoldsCopy(ObjectId id) => _copies.ContainsKey(id);

    /// <summary>True while this node keeps <paramref name="id"/> alive for borrowers (written inside a value for another node).</summary>
    public bool IsPinned(ObjectId id) => _pins.ContainsKey(id);

    /// <summary>True while this node serves the bytes of <paramref name="id"/>.</summary>
    public bool Serves(ObjectId id) => _sources.ContainsKey(id);

    public ObjectReference Offer(ObjectRef reference, byte[] bytes)
    {
        if (_uploads is not null)
        {
            return _uploads.Offer(reference, bytes);
        }

        var id = reference.Id;
        if (_copies.TryGetValue(id, out var copy) && ReferenceEquals(copy, reference))
        {
            // A copy this node pulled: it serves it on as well, but only the owner frees it.
            _sources.TryAdd(id, new ObjectSource(bytes, isResult: false));
            return new ObjectReference(id, _nodeId, bytes.Length);
        }

        if (_sources.TryAdd(id, new ObjectSource(bytes, isResult: false)))
        {
            _share(reference);
            _watched.AddOrUpdate(reference, new ReleaseSentinel(OnReleased, id));
        }

        return new ObjectReference(id, _nodeId, bytes.Length);
    }

    /// <summary>The reference of an object this node already serves, so its value is not written again; false when it serves none.</summary>
    public bool TryReuse(ObjectRef reference, out ObjectReference offered)
    {
        if (_remoteResults.TryGetValue(reference, out var remote) && !HasLeft(remote.Where.Node))
        {
            // A result kept on the node that ran its task: the reader pulls it from there (or reads its own bytes).
            offered = remote.Where;
            return true;
        }

        if (_uploads is not null)
        {
            return _uploads.TryReuse(reference, out offered);
        }

        if (_sources.TryGetValue(reference.Id, out var source) && !source.IsResult)
        {
            offered = new ObjectReference(reference.Id, _nodeId, source.Bytes.Length);
            return true;
        }

        offered = default;
        return false;
    }

    public ObjectRef Resolve(ObjectReference reference, ResultCodec codec)
    {
        if (_findLocal(reference.Id) is { } own && codec.Holds(own))
        {
            return own; // this node's own object came back
        }

        while (true)
        {
            if (_copies.TryGetValue(reference.Id, out var cached))
            {
                if (codec.Holds(cached))
                {
                    return cached;
                }

                throw new MessagePackSerializationException($"Object {reference.Id} is read here as another type than the copy this node holds.");
            }

            var entry = codec.NewEntry(reference.Id);
            if (_copies.TryAdd(reference.Id, entry))
            {
                _copyOwners[reference.Id] = reference.Node;
                _share(entry);
                if (reference.Node == _nodeId && _sources.TryGetValue(reference.Id, out var uploaded))
                {
                    // A driver uploaded it here: read the bytes this node serves (off the grain turn, as a pull).
                    _ = Task.Run(() => Publish(uploaded.Bytes, entry, codec));
                    return entry;
                }

                Interlocked.Increment(ref _pulls);
                // Off the caller's context: the spec is read in a grain turn, which must not run the pull or the deserialization.
                _ = Task.Run(() => PullCopyAsync(reference, entry, codec));
                return entry;
            }
        }
    }

    /// <summary>A ref written inside a value for another node: pinned until its borrowers let it go (a driver pins nothing: a node cannot borrow from it).</summary>
    public ObjectReference OfferNested(ObjectRef reference, ResultCodec codec)
    {
        if (Serving && _pins.TryAdd(reference.Id, new BorrowPin(reference, codec)))
        {
            _share(reference); // so the ref resolves here again when it comes back
        }

        return new ObjectReference(reference.Id, _nodeId, 0);
    }

    public ObjectRef ResolveNested(ObjectReference reference, ResultCodec codec)
    {
        var id = reference.Id;
        if (_findLocal(id) is { } own && codec.Holds(own))
        {
            return own; // this node's own object came back
        }

        if (_copies.TryGetValue(id, out var copy) && codec.Holds(copy))
        {
            return copy;
        }

        lock (_borrowed)
        {
            if (_borrowed.TryGetValue(id, out var weak) && weak.TryGetTarget(out var live) && codec.Holds(live))
            {
                return live;
            }

            var entry = codec.NewEntry(id);
            entry.Producer = new BorrowedProducer(entry, reference.Node, Source); // Ray.Cancel goes to the owner
            _borrowed[id] = new WeakReference<ObjectRef>(entry);
            _share(entry);
            var registered = new StrongBox<bool>();
            var owner = reference.Node;
            _watched.AddOrUpdate(entry, new ReleaseSentinel(ended => OnBorrowEnded(ended, owner, registered), id));
            Interlocked.Increment(ref _pulls);
            _ = Task.Run(() => PullBorrowedAsync(reference, entry, codec, registered));
            return entry;
        }
    }

    /// <summary>
    /// A node borrows an object whose ref this node wrote inside a value: counted until it unborrows; once the object is
    /// ready, its bytes are served. Returns their length.
    /// </summary>
    /// <exception cref="InvalidOperationException">This node no longer keeps the object.</exception>
    public async Task<long> BorrowAsync(ObjectId id, string reader)
    {
        if (!_pins.TryGetValue(id, out var pin))
        {
            throw new InvalidOperationException($"Node {_nodeId} no longer keeps object {id}: its borrowers let it go and its owner released it.");
        }

        lock (pin)
        {
            pin.Borrowers++;
        }

        try
        {
            await pin.Reference.WhenReadyAsync().ConfigureAwait(false);
        }
        catch (RuntimeShutdownException)
        {
            // This node stops before the object was ready: the borrower's ref dies with its owner (OwnerDiedException).
            throw new InvalidOperationException($"{OwnerShutDown} node {_nodeId} stopped before object {id} was ready.");
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Described, not thrown as is: the borrower is another process, and not every exception type travels.
            throw new InvalidOperationException($"Object {id} failed on its owner node {_nodeId} ({error.GetType().FullName}: {error.Message})");
        }

        if (!_sources.TryGetValue(id, out var source))
        {
            source = _sources.GetOrAdd(id, _ => new ObjectSource(WriteForBorrowers(pin), isResult: false));
            _watched.AddOrUpdate(pin.Reference, new ReleaseSentinel(OnReleased, id));
        }

        source.AddHolder(reader);
        return source.Bytes.LongLength;
    }

    /// <summary>A borrower's last local ref is gone; the last one unpins the object.</summary>
    public void Unborrow(ObjectId id)
    {
        if (!_pins.TryGetValue(id, out var pin))
        {
            return;
        }

        lock (pin)
        {
            if (--pin.Borrowers > 0 || !_pins.TryRemove(new(id, pin)))
            {
                return;
            }
        }

        Unpinned?.Invoke(id);
    }

    /// <summary>Keeps a large result's bytes until its owner (<paramref name="owner"/>) releases it or dies; returns the reference to send instead.</summary>
    public ObjectReference OfferResult(ObjectId id, byte[] bytes, string owner)
    {
        if (Interlocked.Decrement(ref _loseNextResults) < 0)
        {
            Interlocked.Increment(ref _loseNextResults);
            _sources[id] = new ObjectSource(bytes, isResult: true, owner);
        }

        return new ObjectReference(id, _nodeId, bytes.Length);
    }

    /// <summary>For tests of lineage reconstruction: the next <paramref name="count"/> large results are lost before anyone pulls them, as with a node that died.</summary>
    internal void LoseNextResults(int count) => Interlocked.Exchange(ref _loseNextResults, count);

    /// <summary>
    /// Remembers that the value of <paramref name="entry"/> (a result this node owns) is kept at <paramref name="where"/>:
    /// refs to it travel by that reference, and the node there drops the bytes once this node releases the entry.
    /// </summary>
    public void KeepRemote(ObjectRef entry, ObjectReference where) =>
        _remoteResults.AddOrUpdate(entry, new RemoteResult(where, OnRemoteReleased));

    /// <summary>Where the value of <paramref name="entry"/> is kept on another node, if it is.</summary>
    public bool TryLocate(ObjectRef entry, out ObjectReference where)
    {
        if (_remoteResults.TryGetValue(entry, out var remote))
        {
            where = remote.Where;
            return true;
        }

        where = default;
        return false;
    }

    /// <summary>The value of <paramref name="entry"/> is no longer at the place this node knew (its node died, or lost it).</summary>
    public void ForgetRemote(ObjectRef entry) => _remoteResults.Remove(entry);

    /// <summary>
    /// Pulls a large result from the node that ran the task and publishes it to <paramref name="entry"/>; that node
    /// keeps its bytes until this node releases the entry (see <see cref="KeepRemote"/>), so tasks sent there with a
    /// reference to it can still read them. When the bytes cannot be pulled (the node died, or no longer holds them),
    /// <paramref name="lost"/> decides what becomes of the entry (the caller runs the task again: lineage reconstruction).
    /// </summary>
    public void PullResult(ObjectReference reference, ResultCodec codec, ObjectRef entry, Action<Exception> lost)
    {
        Interlocked.Increment(ref _pulls);
        _ = Task.Run(async () =>
        {
            byte[] bytes;
            try
            {
                bytes = await PullAsync(reference).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                lost(new NodeTaskException(reference.Node, error.GetType().FullName ?? error.GetType().Name, $"object {reference.Id} ({reference.Size} bytes) could not be pulled from node {reference.Node}: {error.Message}", error.StackTrace ?? string.Empty));
                return;
            }

            try
            {
                Publish(bytes, entry, codec);
            }
            catch (MessagePackSerializationException error)
            {
                entry.TryFail(new NodeTaskException(reference.Node, error.GetType().FullName!, $"object {reference.Id} from node {reference.Node} did not read back: {error.Message}", error.StackTrace ?? string.Empty));
            }
        });
    }

    /// <summary>A result this node owned, kept at <paramref name="where"/>, was released (or is kept elsewhere now): that node drops the bytes.</summary>
    private void OnRemoteReleased(ObjectReference where)
    {
        if (_disposed || HasLeft(where.Node))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Source(where.Node).Done(_nodeId, where.Id.Owner, where.Id.Sequence).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // The node that ran the task is gone: its bytes went with it.
            }
        });
    }

    /// <summary>Serves a chunk of an object's bytes to node <paramref name="reader"/>, which then holds a copy.</summary>
    /// <exception cref="InvalidOperationException">This node no longer holds the object, or the range is outside it.</exception>
    public byte[] ReadChunk(ObjectId id, long offset, int count, string reader)
    {
        if (!_sources.TryGetValue(id, out var source))
        {
            throw new InvalidOperationException($"Node {_nodeId} no longer holds object {id}: its owner released it, or the node restarted.");
        }

        if (offset < 0 || count < 0 || offset + count > source.Bytes.LongLength)
        {
            throw new InvalidOperationException($"Bytes {offset}..{offset + count} are outside object {id}, which has {source.Bytes.LongLength}.");
        }

        if (offset == 0)
        {
            source.AddHolder(reader);
        }

        return source.Bytes.AsSpan((int)offset, count).ToArray();
    }

    /// <summary>A chunk of an object a driver uploads here; once complete, this node serves it (see <see cref="DriverUploads"/>).</summary>
    /// <exception cref="InvalidOperationException">The chunk does not fit the object.</exception>
    public void ReceiveUpload(ObjectId id, long total, long offset, byte[] chunk)
    {
        if (_incoming.Receive(id, total, offset, chunk) is { } bytes)
        {
            _sources[id] = new ObjectSource(bytes, isResult: false);
        }
    }

    /// <summary>The owner freed an object: this node drops its copy (a task still running with it keeps it until it ends).</summary>
    public void FreeCopy(ObjectId id)
    {
        _sources.TryRemove(id, out _);

        if (_copies.TryRemove(id, out _))
        {
            Interlocked.Increment(ref _copiesFreed);
            CopyFreed?.Invoke(id);
        }
    }

    /// <summary>Node <paramref name="holder"/> left the cluster: it no longer holds a copy of <paramref name="id"/>, so it is not told to free it.</summary>
    public void DropHolder(ObjectId id, string holder)
    {
        if (_sources.TryGetValue(id, out var source))
        {
            source.RemoveHolder(holder);
        }
    }

    /// <summary>Node <paramref name="owner"/> died: the results this node kept for it are dropped (no one is left to release them).</summary>
    public void DropResultsOf(string owner)
    {
        foreach (var (id, source) in _sources)
        {
            if (source.IsResult && source.Owner == owner)
            {
                DropResult(id, owner);
            }
        }
    }

    /// <summary>The nodes this node counts as holding a copy of <paramref name="id"/> (for tests).</summary>
    internal string[] HoldersOf(ObjectId id) => _sources.TryGetValue(id, out var source) ? source.Holders() : [];

    /// <summary>
    /// This node leaves the cluster (it drains): it drops the copies it pulled of other nodes' objects and tells each
    /// owner, which then no longer frees them here, and lets go of the objects it borrows, so their owners can free
    /// them. Bounded by <paramref name="timeout"/>; an owner that does not answer is gone too. Returns how many owners
    /// were told.
    /// </summary>
    public async Task<int> LeaveAsync(TimeSpan timeout)
    {
        var calls = new List<Task>();
        foreach (var (id, owner) in _copyOwners)
        {
            if (_copyOwners.TryRemove(id, out _))
            {
                _copies.TryRemove(id, out _);
                calls.Add(Source(owner).Drop(_nodeId, id.Owner, id.Sequence));
            }
        }

        lock (_borrowOwners)
        {
            foreach (var (id, (owner, count)) in _borrowOwners)
            {
                for (var i = 0; i < count; i++)
                {
                    calls.Add(Source(owner).Unborrow(id.Owner, id.Sequence, _nodeId));
                }
            }

            _borrowOwners.Clear();
        }

        try
        {
            await Task.WhenAll(calls).WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // An owner that left already, or does not answer in time: nothing more to tell it.
        }

        return calls.Count;
    }

    /// <summary>
    /// The owner of a large result this node kept (<paramref name="owner"/>) released it: this node drops the bytes and
    /// its own copy, and tells the other nodes that pulled a copy from here to drop theirs.
    /// </summary>
    public void DropResult(ObjectId id, string owner)
    {
        if (!_sources.TryRemove(id, out var source))
        {
            return;
        }

        foreach (var holder in source.Holders())
        {
            if (holder != owner && holder != _nodeId)
            {
                _ = FreeAtAsync(holder, id);
            }
        }

        _copies.TryRemove(id, out _);
        _copyOwners.TryRemove(id, out _);
        ResultDropped?.Invoke(id);
    }

    /// <summary>Stops serving and freeing (the node shuts down).</summary>
    public void Dispose()
    {
        _uploads?.FreeAll(TimeSpan.FromSeconds(2));
        _disposed = true;
        _channel?.Dispose();
        _sources.Clear();
        _copies.Clear();
    }

    /// <summary>An object this node owns was released: stop serving it and free every copy other nodes pulled.</summary>
    private void OnReleased(ObjectId id)
    {
        if (_disposed || !_sources.TryRemove(id, out var source))
        {
            return;
        }

        foreach (var holder in source.Holders())
        {
            _ = FreeAtAsync(holder, id);
        }
    }

    /// <summary>Tells <paramref name="holder"/> to drop its copy of <paramref name="id"/>.</summary>
    private async Task FreeAtAsync(string holder, ObjectId id)
    {
        Interlocked.Increment(ref _freesSent);
        await Task.Yield(); // off the caller's thread (a finalizer, or a grain turn)
        try
        {
            await Source(holder).Free(_nodeId, id.Owner, id.Sequence).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The holder left the cluster: its copy went with it.
        }
    }

    private async Task PullBorrowedAsync(ObjectReference reference, ObjectRef entry, ResultCodec codec, StrongBox<bool> registered)
    {
        long size;
        try
        {
            size = await Source(reference.Node).Borrow(reference.Id.Owner, reference.Id.Sequence, _nodeId).ConfigureAwait(false);
            registered.Value = true;
            lock (_borrowOwners)
            {
                _borrowOwners[reference.Id] = (reference.Node, _borrowOwners.GetValueOrDefault(reference.Id).Count + 1);
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            entry.TryFail(OwnerDied(error, reference)
                ? new OwnerDiedException(reference.Id, reference.Node, error)
                : new NodeTaskException(reference.Node, error.GetType().FullName ?? error.GetType().Name, $"the ref to object {reference.Id} could not be borrowed from node {reference.Node}: {error.Message}", error.StackTrace ?? string.Empty));
            return;
        }

        await PullIntoAsync(reference with { Size = size }, entry, codec, borrowed: true).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether a failed call to the owner of a borrowed object means the owner is gone: it left (died, or drained and
    /// stopped, as <see cref="HasLeft"/> says, or it answered that it stops: <see cref="OwnerShutDown"/>), or the call did
    /// not reach it; another answer of the owner's own (<see cref="InvalidOperationException"/>: the object failed there,
    /// or was released) does not.
    /// </summary>
    private bool OwnerDied(Exception error, ObjectReference reference) =>
        error is not InvalidOperationException || HasLeft(reference.Node) || error.Message.StartsWith(OwnerShutDown, StringComparison.Ordinal);

    /// <summary>One registered borrow of <paramref name="id"/> ended; false when this node let it go already (it left).</summary>
    private bool ForgetBorrow(ObjectId id)
    {
        lock (_borrowOwners)
        {
            if (!_borrowOwners.TryGetValue(id, out var borrow))
            {
                return false;
            }

            if (borrow.Count > 1)
            {
                _borrowOwners[id] = (borrow.Owner, borrow.Count - 1);
            }
            else
            {
                _borrowOwners.Remove(id);
            }

            return true;
        }
    }

    /// <summary>This node's borrowed copy died: tell the owner, so it can let the object go.</summary>
    private void OnBorrowEnded(ObjectId id, string owner, StrongBox<bool> registered)
    {
        if (_disposed)
        {
            return;
        }

        lock (_borrowed)
        {
            if (_borrowed.TryGetValue(id, out var weak) && !weak.TryGetTarget(out _))
            {
                _borrowed.TryRemove(id, out _); // not a newer copy of the same object
            }
        }

        if (!registered.Value || !ForgetBorrow(id))
        {
            return; // never registered, or this node already let it go when it left
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Source(owner).Unborrow(id.Owner, id.Sequence, _nodeId).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // The owner left the cluster: nothing to let go.
            }
        });
    }

    /// <summary>The value of a pinned object, written for borrowers (refs inside it become references too).</summary>
    private byte[] WriteForBorrowers(BorrowPin pin)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        var writer = new MessagePackWriter(buffer);
        using (WireScope.Enter(this))
        {
            pin.Codec.Write(ref writer, pin.Reference, _options());
        }

        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private async Task PullCopyAsync(ObjectReference reference, ObjectRef entry, ResultCodec codec)
    {
        if (!await PullIntoAsync(reference, entry, codec).ConfigureAwait(false))
        {
            _copies.TryRemove(new(reference.Id, entry)); // a later task pulls again
        }
    }

    /// <summary>Pulls the bytes and publishes the value to <paramref name="entry"/>; on failure fails it, naming the node and the object.</summary>
    private async Task<bool> PullIntoAsync(ObjectReference reference, ObjectRef entry, ResultCodec codec, bool borrowed = false)
    {
        try
        {
            var bytes = await PullAsync(reference).ConfigureAwait(false);
            Publish(bytes, entry, codec);
            return true;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            entry.TryFail(borrowed && OwnerDied(error, reference) ? new OwnerDiedException(reference.Id, reference.Node, error) : new NodeTaskException(reference.Node, error.GetType().FullName ?? error.GetType().Name, $"object {reference.Id} ({reference.Size} bytes) could not be pulled from node {reference.Node}: {error.Message}", error.StackTrace ?? string.Empty));
            return false;
        }
    }

    private void Publish(byte[] bytes, ObjectRef entry, ResultCodec codec)
    {
        var reader = new MessagePackReader(bytes);
        using var scope = WireScope.Enter(this);
        codec.TryPublish(entry, ref reader, _options());
    }

    /// <summary>
    /// The object's bytes, in chunks of <see cref="ChunkBytes"/>: over the owner's side channel when it has one (all
    /// chunk requests sent at once, answers read straight into the result), else through grain calls,
    /// <see cref="ChunksInFlight"/> at a time.
    /// </summary>
    internal async Task<byte[]> PullAsync(ObjectReference reference)
    {
        var size = (int)reference.Size;
        var buffer = GC.AllocateUninitializedArray<byte>(size);
        if (UseSideChannel && await ChannelOf(reference.Node).ConfigureAwait(false) is { } address)
        {
            try
            {
                await ObjectChannelClient.PullAsync(address, _nodeId, reference, buffer, ChunkBytes).ConfigureAwait(false);
                Interlocked.Add(ref _bytesPulled, size);
                return buffer;
            }
            catch (Exception error) when (error is System.Net.Sockets.SocketException or System.IO.IOException)
            {
                _channels.TryRemove(reference.Node, out _); // unreachable: ask again next time, and use the grain calls now
            }
        }

        var grain = Source(reference.Node);
        var chunks = (size + ChunkBytes - 1) / ChunkBytes;
        var next = -1;
        var workers = new Task[Math.Clamp(chunks, 1, ChunksInFlight)];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Worker();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        Interlocked.Add(ref _bytesPulled, size);
        return buffer;

        async Task Worker()
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref next)) < chunks)
            {
                var offset = chunk * ChunkBytes;
                var count = Math.Min(ChunkBytes, size - offset);
                var bytes = await grain.Read(reference.Id.Owner, reference.Id.Sequence, offset, count, _nodeId).ConfigureAwait(false);
                if (bytes.Length != count)
                {
                    throw new InvalidOperationException($"Node {reference.Node} sent {bytes.Length} bytes of object {reference.Id} at {offset}, not {count}.");
                }

                bytes.CopyTo(buffer, offset);
            }
        }
    }

    /// <summary>Serves a chunk over the side channel: the source, with <paramref name="reader"/> counted as a holder, or null.</summary>
    private ObjectSource? ServeChunk(ObjectId id, string reader)
    {
        if (!_sources.TryGetValue(id, out var source))
        {
            return null;
        }

        source.AddHolder(reader);
        return source;
    }

    /// <summary>A node's side channel, asked once per node; null when it has none or did not answer.</summary>
    private async Task<ObjectChannelAddress?> ChannelOf(string node)
    {
        var asked = _channels.GetOrAdd(node, n => Source(n).Channel());
        try
        {
            return await asked.ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            _channels.TryRemove(new(node, asked));
            return null;
        }
    }

    /// <summary>A borrower's <c>Ray.Cancel</c> of an object this node owns: cancels the task that makes it, as a local cancel does.</summary>
    public void CancelOwned(ObjectId id, CancelMode mode)
    {
        var owned = _pins.TryGetValue(id, out var pin) ? pin.Reference : _findLocal(id);
        owned?.Producer?.Cancel(mode.HasFlag(CancelMode.Force), mode.HasFlag(CancelMode.Recursive));
    }

    private IObjectSourceGrain Source(string node) => _grains.GetGrain<IObjectSourceGrain>(node);
}
