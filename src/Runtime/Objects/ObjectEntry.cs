using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace RaySharp.Objects;

/// <summary>
/// The local view of one object: a completion cell that becomes ready with a value or fails with an error.
/// Waiters (dependent tasks, blocked getters, awaiters, wait sets) register and are told once, outside the lock.
/// </summary>
[DebuggerDisplay("{Id} {StateName,nq}")]
internal abstract partial class ObjectEntry
{
    private const int Pending = 0;
    private const int Completing = 1;
    private const int Succeeded = 2;
    private const int Failed = 3;

    private static readonly WaiterNode Completed = new(null, 0);

    private volatile int _state;
    private ExceptionDispatchInfo? _error;

    /// <summary>Registered waiters, newest first; <see cref="Completed"/> once they have been told.</summary>
    private WaiterNode? _waiters;

    protected ObjectEntry(ObjectId id) => Id = id;

    /// <summary>An entry that is ready from the start (a put): no completion, no lock.</summary>
    protected ObjectEntry(ObjectId id, bool ready)
    {
        Id = id;
        _state = ready ? Succeeded : Pending;
    }

    public ObjectId Id { get; }

    /// <summary>What produces this object while it is pending (the backend's task); cleared on completion.</summary>
    public ITaskProducer? Producer { get; set; }

    public bool IsCompleted => _state >= Succeeded;

    public bool IsFaulted => _state == Failed;

    /// <summary>The error this entry failed with, or null.</summary>
    public Exception? Error => _state == Failed ? _error!.SourceException : null;

    internal string StateName => _state switch { Succeeded => "ready", Failed => "failed", _ => "pending" };

    /// <summary>Registers <paramref name="waiter"/>; false (and no call) when the entry is already complete. Lock-free.</summary>
    public bool TryRegister(IObjectWaiter waiter, int token = 0)
    {
        if (IsCompleted)
        {
            return false;
        }

        if (Producer is IFetchOnDemand fetch)
        {
            fetch.OnDemand(waiter); // a value kept on another node is pulled here once something waits for it
        }

        var node = new WaiterNode(waiter, token);
        while (true)
        {
            var current = Volatile.Read(ref _waiters);
            if (ReferenceEquals(current, Completed))
            {
                return false;
            }

            node.Next = current;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _waiters, node, current), current))
            {
                return true;
            }
        }
    }

    /// <summary>A poll of a pending entry: a value kept on another node starts its pull here (see <see cref="IFetchOnDemand"/>).</summary>
    public void Demand()
    {
        if (Producer is IFetchOnDemand fetch)
        {
            fetch.OnDemand(null);
        }
    }

    /// <summary>Removes a waiter that gave up (a timed-out get), so it is not told or kept alive.</summary>
    public void Unregister(IObjectWaiter waiter)
    {
        for (var node = Volatile.Read(ref _waiters); node is not null; node = node.Next)
        {
            if (ReferenceEquals(node.Waiter, waiter))
            {
                node.Waiter = null;
            }
        }
    }

    /// <summary>Fails the entry; false when it already completed.</summary>
    public bool TryFail(Exception error) => TryFail(ExceptionDispatchInfo.Capture(error));

    /// <summary>Fails the entry with a captured error that may be shared by many entries.</summary>
    public bool TryFail(ExceptionDispatchInfo error)
    {
        if (!TryReserve())
        {
            return false;
        }

        Publish(Failed, error);
        return true;
    }

    /// <summary>Throws the stored error, keeping its original stack trace.</summary>
    public void ThrowIfFailed()
    {
        if (_state == Failed)
        {
            _error!.Throw();
        }
    }

    /// <summary>The captured error, for passing the same failure on to dependent tasks.</summary>
    public ExceptionDispatchInfo? CapturedError => _state == Failed ? _error : null;

    /// <summary>Makes the value the producer staged visible; false when the entry already completed (cancelled, shut down).</summary>
    public abstract bool TryPublishStaged();

    /// <summary>A private entry of the same type and id for one attempt to stage its value in, apart from the shared one.</summary>
    public abstract ObjectEntry NewStaging();

    /// <summary>Takes the value an attempt staged in <paramref name="staging"/> (from <see cref="NewStaging"/>); only the winning attempt calls it.</summary>
    public abstract void AdoptStaged(ObjectEntry staging);

    /// <summary>Takes the right to complete this entry; only one completer wins.</summary>
    protected bool TryReserve() => Interlocked.CompareExchange(ref _state, Completing, Pending) == Pending;

    /// <summary>Marks success after a winning <see cref="TryReserve"/> and a value write.</summary>
    protected void PublishSuccess() => Publish(Succeeded, null);

    private void Publish(int state, ExceptionDispatchInfo? error)
    {
        _error = error;
        _state = state;
        Producer = null;
        var waiters = Interlocked.Exchange(ref _waiters, Completed);

        // Tell them oldest first, outside any lock: they may complete other entries or queue work.
        WaiterNode? oldestFirst = null;
        for (var node = waiters; node is not null; )
        {
            var next = node.Next;
            node.Next = oldestFirst;
            oldestFirst = node;
            node = next;
        }

        for (var node = oldestFirst; node is not null; node = node.Next)
        {
            node.Waiter?.OnObjectCompleted(this, node.Token);
        }
    }

    private sealed class WaiterNode(IObjectWaiter? waiter, int token)
    {
        public IObjectWaiter? Waiter = waiter;

        public int Token { get; } = token;

        public WaiterNode? Next;
    }
}
