using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Backend;
using RaySharp.CompilerServices;
using RaySharp.Scheduling;

namespace RaySharp.Actors;

/// <summary>An actor's mailbox: calls queued in order, drained in batches, or run by a waiting caller.</summary>
internal sealed partial class LocalActor
{
    /// <summary>Queues a call in submission order; fails it at once when the actor is dead.</summary>
    /// <param name="call">The call.</param>
    /// <param name="parent">The task that submits it; null for the driver. It names the caller whose order the call keeps.</param>
    public void Enqueue(LocalTask call, LocalTask? parent)
    {
        if (Volatile.Read(ref _death) is { } death)
        {
            call.FailWith(death);
            return;
        }

        if (_callerOrder is { } order && (!order.IsEmpty || CallerOrder.HasPendingArguments(call)))
        {
            KeepCallerOrder(call, parent, order);
        }

        _incoming.Enqueue(call);

        // Die sets _death, then empties the queue: it either saw this call or this read sees the death.
        if (Volatile.Read(ref _death) is not null)
        {
            FailQueuedAfterDeath();
            return;
        }

        call.Start();
    }

    /// <summary>A call's dependencies are ready, or a running call finished: run what can run.</summary>
    /// <remarks>
    /// No wake-up is lost: whoever makes the head runnable (a call turning Queued, a call ending, the actor coming
    /// alive) calls this afterwards, and a drain that finds nothing clears its flag before it looks a last time.
    /// </remarks>
    public void Pump()
    {
        if (TryClaimDrain())
        {
            Backend.Budget.Dispatched();
            WorkQueue.Queue(this, preferLocal: false);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        Backend.Budget.Started();
        Drain();
    }

    /// <summary>
    /// Runs this sync actor's calls, in order, on a plain thread that waits with no timeout for <paramref name="call"/>,
    /// until that call has ended: the caller does not wait for a pool thread to wake. Calls still run one at a time
    /// (whoever runs one holds the actor's single running slot), and the drain that <see cref="Pump"/> queued still
    /// comes for the rest. Not for async actors, nor actors whose calls run on pool threads; the caller's
    /// <see cref="SynchronizationContext"/> is hidden meanwhile.
    /// </summary>
    /// <returns>True when it ran at least one call.</returns>
    public bool TryRunOnWaitingThread(LocalTask call)
    {
        if (_isAsync || _runsOnPool)
        {
            return false;
        }

        var ran = false;
        var callerContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            for (var i = 0; i < DrainBatch && call.State != LocalTask.Finished && StartNext(out _, out _) is { } next; i++)
            {
                next.RunActorCall();
                ran = true;
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(callerContext);
        }

        return ran;
    }

    /// <summary>Runs runnable calls, up to a batch; then yields the thread and queues itself again if work is left.</summary>
    private void Drain()
    {
        for (var i = 0; i < DrainBatch; i++)
        {
            if (StartNext(out var incarnation, out var group) is not { } next)
            {
                Interlocked.Exchange(ref _drainScheduled, 0);
                if (TryClaimDrain())
                {
                    continue;
                }

                return;
            }

            if (incarnation.TurnsOf(group) is { } turns)
            {
                Task.Factory.StartNew(static state => ((LocalTask)state!).RunActorCall(), next, CancellationToken.None, TaskCreationOptions.DenyChildAttach, turns);
            }
            else if (_runsOnPool)
            {
                Backend.Budget.Dispatched();
                ThreadPool.UnsafeQueueUserWorkItem(static call =>
                {
                    call.Backend.Budget.Started();
                    call.RunActorCall();
                }, next, preferLocal: false);
            }
            else
            {
                next.RunActorCall();
            }
        }

        // The batch is used up: keep the flag and let other work have this thread.
        Backend.Budget.Dispatched();
        WorkQueue.Queue(this, preferLocal: false);
    }

    /// <summary>Takes the next runnable call and starts it on the current incarnation; null when none can run now.</summary>
    /// <param name="incarnation">The life the call runs on.</param>
    /// <param name="group">The call's concurrency group number (0 without groups), which picks an async actor's turns.</param>
    private LocalTask? StartNext(out ActorIncarnation incarnation, out int group)
    {
        LocalTask? next;
        lock (_sync)
        {
            next = TakeRunnableHead(out group);
            if (next is null)
            {
                incarnation = null!;
                return null;
            }

            incarnation = _current!;
            _running.Add(next);
        }

        incarnation.CallStarted();
        next.Incarnation = incarnation;
        return next;
    }

    /// <summary>Sets the drain flag when a call can run now and no drain is queued; true when this caller must start one.</summary>
    private bool TryClaimDrain()
    {
        if (Volatile.Read(ref _drainScheduled) != 0 || _state != ActorState.Alive)
        {
            return false;
        }

        lock (_sync)
        {
            if (!CanRunHead())
            {
                return false;
            }
        }

        return Interlocked.CompareExchange(ref _drainScheduled, 1, 0) == 0;
    }

    /// <summary>Marks a call that must keep its caller's order (see <see cref="CallerOrder"/>), before it joins the queue.</summary>
    private void KeepCallerOrder(LocalTask call, LocalTask? parent, CallerOrder order)
    {
        var caller = CallerOrder.CallerOf(parent, Backend);
        lock (_sync)
        {
            if (order.MustOrder(call, caller))
            {
                call.KeepOrderOf(caller);
                order.Add(caller);
            }
        }
    }

    /// <summary>A call left the mailbox (it starts, or it finished while queued): its caller's order no longer counts it.</summary>
    private void LeftMailboxLocked(LocalTask call)
    {
        if (call.TakeOrderedCaller() is { } caller)
        {
            _callerOrder!.Remove(caller);
        }
    }

    /// <summary>Fails the calls that joined the queue after the actor died (Die already failed the others).</summary>
    private void FailQueuedAfterDeath()
    {
        List<LocalTask> late;
        lock (_sync)
        {
            MoveAllIncomingLocked();
            late = _mailbox.TakeAll();
            _groups?.TakeAll(late);
            _callerOrder?.Clear();
        }

        foreach (var call in late)
        {
            call.FailWith(_death!);
        }
    }

    private void MoveAllIncomingLocked()
    {
        while (_incoming.TryDequeue(out var call))
        {
            if (_groups is not null)
            {
                _groups.AddLast(call);
            }
            else
            {
                _mailbox.AddLast(call);
            }
        }
    }

    /// <summary>
    /// Refuses a call naming a concurrency group the actor lacks. The common case (no groups, no per-call options)
    /// costs two null checks.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void CheckGroup(TaskSpec spec)
    {
        if (_groups is not null || spec.Options is not null)
        {
            ConcurrencyGroupSet.Check(_groups, spec.Options?.ConcurrencyGroup ?? spec.Function.DefaultOptions.ConcurrencyGroup, ClassName);
        }
    }

    private bool CanRunHead() =>
        _groups is not null
            ? CanRunGroupedLocked()
            : _state == ActorState.Alive && _running.Count < _maxConcurrency && FindStartableLocked() >= 0;

    /// <summary>
    /// The mailbox index of the first call that can start now, or -1; moves new calls into the mailbox as it needs them
    /// and drops calls that finished while queued. A call still waiting for its ref arguments is passed over, and so,
    /// on an actor that keeps caller order, is an ordered call of a caller that has an earlier call waiting; a call
    /// whose arguments are all ready but that is not queued yet stops the search.
    /// </summary>
    private int FindStartableLocked()
    {
        _waitingCallers?.Clear();
        for (var i = 0; ; i++)
        {
            if (i == _mailbox.Count)
            {
                if (!_incoming.TryDequeue(out var next))
                {
                    return -1;
                }

                _mailbox.AddLast(next);
            }

            var call = _mailbox[i];
            switch (call.State)
            {
                case LocalTask.Finished:
                    _mailbox.RemoveAt(i--);
                    LeftMailboxLocked(call);
                    break;
                case LocalTask.Queued:
                    if (call.OrderedCaller is not { } caller || _waitingCallers?.Contains(caller) != true)
                    {
                        return i;
                    }

                    break;
                default:
                    if (!CallerOrder.HasPendingArguments(call))
                    {
                        // Not waiting for anything: its submitter (or its last argument) is about to make it queued,
                        // and pumps then. Until then nothing passes it, or a caller's next call could run first.
                        return -1;
                    }

                    if (call.OrderedCaller is { } waiting)
                    {
                        (_waitingCallers ??= []).Add(waiting);
                    }

                    break;
            }
        }
    }

    /// <summary>With groups: moves new calls to their groups, then looks for a group with room and a queued head.</summary>
    private bool CanRunGroupedLocked()
    {
        if (_state != ActorState.Alive)
        {
            return false;
        }

        MoveAllIncomingLocked();
        return _groups!.CanRunAny();
    }

    private LocalTask? TakeRunnableHead(out int group)
    {
        if (_groups is not null)
        {
            group = 0;
            return CanRunGroupedLocked() ? _groups.TakeRunnable(out group) : null;
        }

        group = 0;
        while (_state == ActorState.Alive && _running.Count < _maxConcurrency && FindStartableLocked() is var index and >= 0)
        {
            var call = _mailbox.RemoveAt(index);
            LeftMailboxLocked(call);
            if (call.TryStartActorCall())
            {
                return call;
            }
        }

        return null;
    }
}
