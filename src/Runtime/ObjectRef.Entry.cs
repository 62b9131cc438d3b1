using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using RaySharp.Objects;
using RaySharp.Objects.Store;

namespace RaySharp;

/// <summary>
/// The runtime's side of a ref: a ref is also the local view of its object (the runtime's code calls it an entry),
/// a completion cell that becomes ready with a value or fails with an error; <c>ObjectEntry&lt;T&gt;</c> holds the
/// value. Every ref to an object in one process is that one instance, so a task's result costs no separate ref
/// object. Waiters (dependent tasks, blocked getters, awaiters, wait sets) register and are told once, outside the lock.
/// </summary>
public abstract partial class ObjectRef
{
    private const int Pending = 0;
    private const int Completing = 1;
    private const int Succeeded = 2;
    private const int Failed = 3;

    private static readonly WaiterNode Completed = new(null, 0);

    private volatile int _state;

    /// <summary>
    /// One slot for what never lives at once: the producer (<see cref="ITaskProducer"/>) while pending, the store's
    /// <see cref="StoreLease"/> once the value is tracked, the <see cref="ExceptionDispatchInfo"/> once failed.
    /// </summary>
    private object? _slot;

    /// <summary>Set once a producer that fetches on demand (<see cref="IFetchOnDemand"/>) made this entry: only then does a registration look for it.</summary>
    private bool _fetchesOnDemand;

    /// <summary>Registered waiters, newest first; <see cref="Completed"/> once they have been told.</summary>
    private WaiterNode? _waiters;

    private protected ObjectRef(ObjectId id) => Id = id;

    /// <summary>An entry that is ready from the start (a put): no completion, no lock.</summary>
    private protected ObjectRef(ObjectId id, bool ready)
    {
        Id = id;
        _state = ready ? Succeeded : Pending;
    }

    /// <summary>What produces this object while it is pending (the backend's task); cleared on completion.</summary>
    internal ITaskProducer? Producer
    {
        get => Volatile.Read(ref _slot) as ITaskProducer;
        set => Volatile.Write(ref _slot, value);
    }

    /// <summary>Makes <paramref name="producer"/>, whose value is fetched only when needed here, this pending entry's producer.</summary>
    internal void SetProducerFetchingOnDemand(IFetchOnDemand producer)
    {
        _fetchesOnDemand = true;
        Producer = (ITaskProducer)producer;
    }

    internal bool IsCompleted => _state >= Succeeded;

    internal bool IsFaulted => _state == Failed;

    /// <summary>The error this entry failed with, or null.</summary>
    internal Exception? Error => _state == Failed ? FailedWith.SourceException : null;

    internal string StateName => _state switch { Succeeded => "ready", Failed => "failed", _ => "pending" };

    /// <summary>Registers <paramref name="waiter"/>; false (and no call) when the entry is already complete. Lock-free.</summary>
    internal bool TryRegister(IObjectWaiter waiter, int token = 0)
    {
        if (IsCompleted)
        {
            return false;
        }

        if (_fetchesOnDemand && Volatile.Read(ref _slot) is IFetchOnDemand fetch)
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
    internal void Demand()
    {
        if (_fetchesOnDemand && Volatile.Read(ref _slot) is IFetchOnDemand fetch)
        {
            fetch.OnDemand(null);
        }
    }

    /// <summary>Removes a waiter that gave up (a timed-out get), so it is not told or kept alive.</summary>
    internal void Unregister(IObjectWaiter waiter)
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
    internal bool TryFail(Exception error) => TryFail(ExceptionDispatchInfo.Capture(error));

    /// <summary>Fails the entry with a captured error that may be shared by many entries.</summary>
    internal bool TryFail(ExceptionDispatchInfo error)
    {
        if (!TryReserve())
        {
            return false;
        }

        Publish(Failed, error);
        return true;
    }

    /// <summary>Throws the stored error, keeping its original stack trace.</summary>
    internal void ThrowIfFailed()
    {
        if (_state == Failed)
        {
            FailedWith.Throw();
        }
    }

    /// <summary>The captured error, for passing the same failure on to dependent tasks.</summary>
    internal ExceptionDispatchInfo? CapturedError => _state == Failed ? FailedWith : null;

    /// <summary>The error of a failed entry (only read once <see cref="_state"/> says so).</summary>
    private ExceptionDispatchInfo FailedWith => Unsafe.As<ExceptionDispatchInfo>(_slot)!;

    /// <summary>Makes the value the producer staged visible; false when the entry already completed (cancelled, shut down).</summary>
    internal abstract bool TryPublishStaged();

    /// <summary>A private entry of the same type and id for one attempt to stage its value in, apart from the shared one.</summary>
    internal abstract ObjectRef NewStaging();

    /// <summary>Takes the value an attempt staged in <paramref name="staging"/> (from <see cref="NewStaging"/>); only the winning attempt calls it.</summary>
    internal abstract void AdoptStaged(ObjectRef staging);

    /// <summary>Takes the right to complete this entry; only one completer wins.</summary>
    private protected bool TryReserve() => Interlocked.CompareExchange(ref _state, Completing, Pending) == Pending;

    /// <summary>Marks success after a winning <see cref="TryReserve"/> and a value write.</summary>
    private protected void PublishSuccess() => Publish(Succeeded, null);

    private void Publish(int state, ExceptionDispatchInfo? error)
    {
        // The slot first, then the state (a volatile write): whoever sees the state sees the error, or the lease.
        if (error is not null)
        {
            _slot = error;
        }
        else if (_slot is not StoreLease)
        {
            _slot = null; // the producer is done
        }

        _state = state;
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
