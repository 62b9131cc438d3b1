using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace RaySharp.Objects;

/// <summary>
/// The local view of one object: a completion cell that becomes ready with a value or fails with an error.
/// Waiters (dependent tasks, blocked getters, awaiters, wait sets) register and are told once, outside the lock.
/// </summary>
[DebuggerDisplay("{Id} {StateName,nq}")]
internal abstract class ObjectEntry
{
    private const int Pending = 0;
    private const int Completing = 1;
    private const int Succeeded = 2;
    private const int Failed = 3;

    private volatile int _state;
    private ExceptionDispatchInfo? _error;
    private IObjectWaiter? _firstWaiter;
    private int _firstToken;
    private List<(IObjectWaiter Waiter, int Token)>? _moreWaiters;

    protected ObjectEntry(ObjectId id) => Id = id;

    public ObjectId Id { get; }

    /// <summary>What produces this object while it is pending (the backend's task); cleared on completion.</summary>
    public ITaskProducer? Producer { get; set; }

    public bool IsCompleted => _state >= Succeeded;

    public bool IsFaulted => _state == Failed;

    /// <summary>The error this entry failed with, or null.</summary>
    public Exception? Error => _state == Failed ? _error!.SourceException : null;

    internal string StateName => _state switch { Succeeded => "ready", Failed => "failed", _ => "pending" };

    /// <summary>Registers <paramref name="waiter"/>; false (and no call) when the entry is already complete.</summary>
    public bool TryRegister(IObjectWaiter waiter, int token = 0)
    {
        if (IsCompleted)
        {
            return false;
        }

        lock (this)
        {
            if (IsCompleted)
            {
                return false;
            }

            if (_firstWaiter is null)
            {
                _firstWaiter = waiter;
                _firstToken = token;
            }
            else
            {
                (_moreWaiters ??= []).Add((waiter, token));
            }

            return true;
        }
    }

    /// <summary>Removes a waiter that gave up (a timed-out get), so it is not kept alive.</summary>
    public void Unregister(IObjectWaiter waiter)
    {
        lock (this)
        {
            if (ReferenceEquals(_firstWaiter, waiter))
            {
                _firstWaiter = null;
            }
            else
            {
                _moreWaiters?.RemoveAll(w => ReferenceEquals(w.Waiter, waiter));
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

    /// <summary>Takes the right to complete this entry; only one completer wins.</summary>
    protected bool TryReserve() => Interlocked.CompareExchange(ref _state, Completing, Pending) == Pending;

    /// <summary>Marks success after a winning <see cref="TryReserve"/> and a value write.</summary>
    protected void PublishSuccess() => Publish(Succeeded, null);

    private void Publish(int state, ExceptionDispatchInfo? error)
    {
        IObjectWaiter? first;
        int firstToken;
        List<(IObjectWaiter Waiter, int Token)>? more;
        lock (this)
        {
            _error = error;
            _state = state;
            first = _firstWaiter;
            firstToken = _firstToken;
            more = _moreWaiters;
            _firstWaiter = null;
            _moreWaiters = null;
            Producer = null;
        }

        // Waiters run outside the lock: they may complete other entries or queue work.
        first?.OnObjectCompleted(this, firstToken);
        if (more is not null)
        {
            foreach (var (waiter, token) in more)
            {
                waiter.OnObjectCompleted(this, token);
            }
        }
    }
}
