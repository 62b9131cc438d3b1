using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using RaySharp.Backend;
using RaySharp.Scheduling;

namespace RaySharp.Actors;

/// <summary>
/// One actor in the in-process backend: its mailbox and its current incarnation. Calls enter the mailbox when their
/// stub returns, so they run in submission order; a call whose ref arguments are pending holds up the calls behind
/// it, as in Ray. Up to <c>MaxConcurrency</c> calls run at once, drained in batches on a pool thread.
/// Submitting takes no lock: calls join a lock-free queue, and one atomic flag makes sure a single drain runs;
/// only the drain and the rare life-cycle changes (death, restart, collection) take the actor's lock.
/// When the actor dies it restarts (the constructor runs again with the original arguments) while
/// <c>MaxRestarts</c> allows; calls queued meanwhile run on the new instance.
/// An actor with concurrency groups (<see cref="ConcurrencyGroupSet"/>) queues each call in its group instead of the
/// single mailbox, and runs every call on a pool thread so that groups never wait for each other.
/// </summary>
[DebuggerDisplay("Actor {ClassName,nq} {Id} {_state}")]
internal sealed class LocalActor : IThreadPoolWorkItem, IActorEndpoint
{
    private const int DrainBatch = 64;

    /// <summary>Calls submitted and not yet moved to <see cref="_mailbox"/>: producers add without a lock.</summary>
    private readonly ConcurrentQueue<LocalTask> _incoming = new();

    /// <summary>Guards the mailbox, the running list, the state and the incarnation.</summary>
    private readonly Lock _sync = new();

    /// <summary>Calls older than every call in <see cref="_incoming"/>, in order; guarded by <see cref="_sync"/>.</summary>
    private readonly CallDeque _mailbox = new();
    private readonly List<LocalTask> _running = [];
    private readonly TaskSpec _constructor;
    private readonly ResolvedOptions _creationOptions;
    private readonly bool _isAsync;
    private readonly int _maxConcurrency;
    private readonly int _maxRestarts;
    private readonly int _maxTaskRetries;
    /// <summary>Null unless the actor declares concurrency groups: then calls queue per group, not in <see cref="_mailbox"/>.</summary>
    private readonly ConcurrencyGroupSet? _groups;
    /// <summary>True when a sync actor's calls run on pool threads rather than on the drain's thread.</summary>
    private readonly bool _runsOnPool;
    private volatile ActorState _state = ActorState.Creating;
    private ExceptionDispatchInfo? _death;
    private ActorIncarnation? _current;
    private object? _stagedInstance;
    private LocalTask? _creation;
    private int _restarts;
    private int _handles;
    /// <summary>1 while a drain is queued or running; set by compare-and-swap so only one runs.</summary>
    private int _drainScheduled;

    public LocalActor(LocalBackend backend, ActorId id, string className, Type handleType, TaskSpec constructor, ResolvedOptions creationOptions, ActorOptions options)
    {
        Backend = backend;
        Id = id;
        ClassName = className;
        HandleType = handleType;
        Name = options.Name;
        IsDetached = options.Lifetime == ActorLifetime.Detached;
        _constructor = constructor;
        _creationOptions = creationOptions;
        _isAsync = constructor.Function.IsAsync;
        _maxConcurrency = options.MaxConcurrency ?? (_isAsync ? 1000 : 1);
        _maxRestarts = options.MaxRestarts ?? 0;
        _maxTaskRetries = options.MaxTaskRetries ?? 0;
        _groups = ConcurrencyGroupSet.Create(options.ConcurrencyGroups, _maxConcurrency, className);
        _runsOnPool = _maxConcurrency > 1 || _groups is not null;
    }

    private enum ActorState
    {
        Creating,
        Alive,
        Dead,
    }

    public LocalBackend Backend { get; }

    public ActorId Id { get; }

    public string ClassName { get; }

    /// <summary>The generated handle type, so a name lookup can check the caller asked for the right class.</summary>
    public Type HandleType { get; }

    public string? Name { get; }

    /// <summary>True for <see cref="ActorLifetime.Detached"/>: the actor is not ended when its handles are collected.</summary>
    public bool IsDetached { get; }

    /// <summary>The instance of the current incarnation, once its constructor returned.</summary>
    public object? Instance => Volatile.Read(ref _current)?.Instance;

    /// <summary>How often the actor has restarted.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    public ObjectRef<T> Call<T>(TaskSpec spec)
    {
        CheckGroup(spec);
        return Backend.Submit<T>(spec, this);
    }

    public (ObjectRef<T1>, ObjectRef<T2>) Call<T1, T2>(TaskSpec spec)
    {
        CheckGroup(spec);
        return Backend.Submit<T1, T2>(spec, this);
    }

    public (ObjectRef<T1>, ObjectRef<T2>, ObjectRef<T3>) Call<T1, T2, T3>(TaskSpec spec)
    {
        CheckGroup(spec);
        return Backend.Submit<T1, T2, T3>(spec, this);
    }

    public ObjectRefGenerator<T> CallStreaming<T>(TaskSpec spec)
    {
        CheckGroup(spec);
        return Backend.SubmitStreaming<T>(spec, this);
    }

    public void Kill(bool noRestart) => Interrupt(noRestart ? null : "it was killed with Ray.Kill", "it was killed with Ray.Kill(noRestart: true)", null);

    /// <summary>A handle bound to this actor came alive.</summary>
    public void HandleCreated() => Interlocked.Increment(ref _handles);

    /// <summary>A handle was collected; an unnamed actor with no handle left ends once its mailbox is empty.</summary>
    public void HandleCollected()
    {
        if (Interlocked.Decrement(ref _handles) == 0)
        {
            EndIfOrphaned();
        }
    }

    /// <summary>Runs the constructor (through the scheduler, which holds it until the actor's resources are free).</summary>
    public LocalTask StartIncarnation()
    {
        var creation = new LocalTask(Backend, _constructor, _creationOptions, new Objects.ObjectEntry<Unit>(Backend.NextObjectId()), new TaskExtras { Actor = this, Role = LocalTask.TaskRole.ActorCreation });
        Volatile.Write(ref _creation, creation);
        return creation;
    }

    /// <summary>Queues a call in submission order; fails it at once when the actor is dead.</summary>
    public void Enqueue(LocalTask call)
    {
        if (Volatile.Read(ref _death) is { } death)
        {
            call.FailWith(death);
            return;
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
            ThreadBudget.Dispatched();
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    public void StageInstance(object instance) => Volatile.Write(ref _stagedInstance, instance);

    /// <summary>The constructor returned or threw.</summary>
    public void OnCreationEnded(LocalTask creation, Exception? error)
    {
        if (error is null && Interlocked.Exchange(ref _stagedInstance, null) is { } instance)
        {
            creation.TransferResourcesToActor();
            creation.Complete(null);
            bool dead;
            lock (_sync)
            {
                dead = _state == ActorState.Dead;
                if (!dead)
                {
                    _current = new ActorIncarnation(this, instance, _isAsync);
                    _state = ActorState.Alive;
                }
            }

            if (dead)
            {
                new ActorIncarnation(this, instance, _isAsync).End();
                Backend.Scheduler.Release(_creationOptions.Request);
                return;
            }

            Pump();
            EndIfOrphaned();
            return;
        }

        creation.ReleaseResources();
        creation.Complete(error);
        Die($"its constructor threw {error?.GetType().Name}: {error?.Message}", error, releaseResources: false);
    }

    /// <summary>A call returned or threw. Crash and exit requests end this incarnation.</summary>
    public void OnCallEnded(LocalTask call, Exception? error)
    {
        lock (_sync)
        {
            if (_running.Remove(call))
            {
                _groups?.Ended(call);
            }
        }

        switch (error)
        {
            case ActorExitException exit:
                call.AbandonWith(ExceptionDispatchInfo.Capture(new ActorDiedException(ClassName, Id, "it exited with Ray.ExitActor() during this call", exit)));
                Die("it exited with Ray.ExitActor()", null);
                break;
            case ActorCrashException crash:
                call.AbandonWith(ExceptionDispatchInfo.Capture(new ActorDiedException(ClassName, Id, "this call crashed it", crash)));
                Interrupt("a call crashed it", $"a call crashed it and MaxRestarts ({_maxRestarts}) is used up", crash);
                break;
            default:
                call.Complete(error);
                break;
        }

        call.Incarnation?.CallEnded();
        EndIfOrphaned();
        Pump();
    }

    /// <summary>Ends the actor for good: queued and future calls fail with <see cref="ActorDiedException"/>.</summary>
    public void Die(string reason, Exception? cause, bool releaseResources = true)
    {
        var death = ExceptionDispatchInfo.Capture(new ActorDiedException(ClassName, Id, reason, cause));
        List<LocalTask> queued;
        List<LocalTask> running;
        ActorIncarnation? ended;
        bool holdsResources;
        lock (_sync)
        {
            if (_death is not null)
            {
                return;
            }

            holdsResources = _state == ActorState.Alive && releaseResources;
            Interlocked.Exchange(ref _death, death);
            _state = ActorState.Dead;
            MoveAllIncomingLocked();
            queued = _mailbox.TakeAll();
            _groups?.TakeAll(queued);
            _groups?.ClearRunning();
            running = [.. _running];
            _running.Clear();
            ended = _current;
            _current = null;
        }

        foreach (var call in running)
        {
            call.AbandonWith(death);
        }

        foreach (var call in queued)
        {
            call.FailWith(death);
        }

        ended?.End();
        if (holdsResources)
        {
            Backend.Scheduler.Release(_creationOptions.Request);
        }

        Backend.Forget(this);
    }

    void IThreadPoolWorkItem.Execute()
    {
        ThreadBudget.Started();
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
            for (var i = 0; i < DrainBatch && call.State != LocalTask.Finished && StartNext(out _) is { } next; i++)
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

    /// <summary>
    /// Ends the current incarnation. With a <paramref name="restartReason"/> and restarts left, the constructor runs
    /// again and running calls are retried while <c>MaxTaskRetries</c> allows; otherwise the actor dies with <paramref name="deathReason"/>.
    /// </summary>
    private void Interrupt(string? restartReason, string deathReason, Exception? cause)
    {
        var canRestart = restartReason is not null && (_maxRestarts == -1 || Restarts < _maxRestarts);
        if (!canRestart)
        {
            Die(deathReason, cause);
            return;
        }

        ActorIncarnation? ended;
        List<LocalTask> running;
        lock (_sync)
        {
            if (_state != ActorState.Alive)
            {
                return;
            }

            _state = ActorState.Creating;
            ended = _current;
            _current = null;
            running = [.. _running];
            _running.Clear();
            _groups?.ClearRunning();
            _restarts++;
            var interrupted = ExceptionDispatchInfo.Capture(new ActorDiedException(ClassName, Id, $"{restartReason} while this call ran, and MaxTaskRetries ({_maxTaskRetries}) is used up", cause));
            for (var i = running.Count - 1; i >= 0; i--)
            {
                var call = running[i];
                if (_maxTaskRetries == -1 || call.Attempts < _maxTaskRetries)
                {
                    var retry = call.AbandonForRetry();
                    if (_groups is not null)
                    {
                        _groups.AddFirst(retry);
                    }
                    else
                    {
                        _mailbox.AddFirst(retry);
                    }
                }
                else
                {
                    call.AbandonWith(interrupted);
                }
            }
        }

        ended?.End();
        Backend.Scheduler.Release(_creationOptions.Request);
        Backend.StartActor(this);
    }

    private void EndIfOrphaned()
    {
        if (Name is not null || IsDetached || Volatile.Read(ref _handles) != 0 || _state != ActorState.Alive)
        {
            return;
        }

        bool orphaned;
        lock (_sync)
        {
            MoveAllIncomingLocked();
            orphaned = Volatile.Read(ref _handles) == 0 && _state == ActorState.Alive && _mailbox.Count == 0 && (_groups?.QueuedCount ?? 0) == 0 && _running.Count == 0;
        }

        if (orphaned)
        {
            Die("no handle to it is left", null);
        }
    }

    /// <summary>Runs runnable calls, up to a batch; then yields the thread and queues itself again if work is left.</summary>
    private void Drain()
    {
        for (var i = 0; i < DrainBatch; i++)
        {
            if (StartNext(out var incarnation) is not { } next)
            {
                Interlocked.Exchange(ref _drainScheduled, 0);
                if (TryClaimDrain())
                {
                    continue;
                }

                return;
            }

            if (incarnation.Turns is { } turns)
            {
                Task.Factory.StartNew(static state => ((LocalTask)state!).RunActorCall(), next, CancellationToken.None, TaskCreationOptions.DenyChildAttach, turns);
            }
            else if (_runsOnPool)
            {
                ThreadBudget.Dispatched();
                ThreadPool.UnsafeQueueUserWorkItem(static call =>
                {
                    ThreadBudget.Started();
                    call.RunActorCall();
                }, next, preferLocal: false);
            }
            else
            {
                next.RunActorCall();
            }
        }

        // The batch is used up: keep the flag and let other work have this thread.
        ThreadBudget.Dispatched();
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Takes the next runnable call and starts it on the current incarnation; null when none can run now.</summary>
    private LocalTask? StartNext(out ActorIncarnation incarnation)
    {
        LocalTask? next;
        lock (_sync)
        {
            next = TakeRunnableHead();
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

    /// <summary>Fails the calls that joined the queue after the actor died (Die already failed the others).</summary>
    private void FailQueuedAfterDeath()
    {
        List<LocalTask> late;
        lock (_sync)
        {
            MoveAllIncomingLocked();
            late = _mailbox.TakeAll();
            _groups?.TakeAll(late);
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
    private void CheckGroup(TaskSpec spec)
    {
        if (_groups is not null || spec.Options is not null)
        {
            ConcurrencyGroupSet.Check(_groups, spec.Options?.ConcurrencyGroup ?? spec.Function.DefaultOptions.ConcurrencyGroup, ClassName);
        }
    }

    private bool CanRunHead()
    {
        if (_groups is not null)
        {
            return CanRunGroupedLocked();
        }

        if (_state != ActorState.Alive || _running.Count >= _maxConcurrency)
        {
            return false;
        }

        while (!_mailbox.HeadIsReady())
        {
            // A head still waiting for its arguments holds up the calls behind it; an empty mailbox takes the oldest new call.
            if (_mailbox.Count > 0 || !_incoming.TryDequeue(out var oldest))
            {
                return false;
            }

            _mailbox.AddLast(oldest);
        }

        return true;
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

    private LocalTask? TakeRunnableHead()
    {
        if (_groups is not null)
        {
            return CanRunGroupedLocked() ? _groups.TakeRunnable() : null;
        }

        while (CanRunHead())
        {
            var head = _mailbox.RemoveFirst();
            if (head.TryStartActorCall())
            {
                return head;
            }
        }

        return null;
    }
}
