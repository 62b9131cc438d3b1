using System;
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
/// When the actor dies it restarts (the constructor runs again with the original arguments) while
/// <c>MaxRestarts</c> allows; calls queued meanwhile run on the new instance.
/// </summary>
[DebuggerDisplay("Actor {ClassName,nq} {Id} {_state}")]
internal sealed class LocalActor : IThreadPoolWorkItem, IActorEndpoint
{
    private const int DrainBatch = 64;

    private readonly LinkedList<LocalTask> _mailbox = new();
    private readonly List<LocalTask> _running = [];
    private readonly TaskSpec _constructor;
    private readonly ResolvedOptions _creationOptions;
    private readonly bool _isAsync;
    private readonly int _maxConcurrency;
    private readonly int _maxRestarts;
    private readonly int _maxTaskRetries;
    private ActorState _state = ActorState.Creating;
    private ExceptionDispatchInfo? _death;
    private ActorIncarnation? _current;
    private object? _stagedInstance;
    private LocalTask? _creation;
    private int _restarts;
    private int _handles;
    private bool _drainScheduled;

    public LocalActor(LocalBackend backend, ActorId id, string className, Type handleType, TaskSpec constructor, ResolvedOptions creationOptions, ActorOptions options)
    {
        Backend = backend;
        Id = id;
        ClassName = className;
        HandleType = handleType;
        Name = options.Name;
        _constructor = constructor;
        _creationOptions = creationOptions;
        _isAsync = constructor.Function.IsAsync;
        _maxConcurrency = options.MaxConcurrency ?? (_isAsync ? 1000 : 1);
        _maxRestarts = options.MaxRestarts ?? 0;
        _maxTaskRetries = options.MaxTaskRetries ?? 0;
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

    /// <summary>The instance of the current incarnation, once its constructor returned.</summary>
    public object? Instance => Volatile.Read(ref _current)?.Instance;

    /// <summary>How often the actor has restarted.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    public ObjectRef<T> Call<T>(TaskSpec spec) => Backend.Submit<T>(spec, this);

    public (ObjectRef<T1>, ObjectRef<T2>) Call<T1, T2>(TaskSpec spec) => Backend.Submit<T1, T2>(spec, this);

    public (ObjectRef<T1>, ObjectRef<T2>, ObjectRef<T3>) Call<T1, T2, T3>(TaskSpec spec) => Backend.Submit<T1, T2, T3>(spec, this);

    public ObjectRefGenerator<T> CallStreaming<T>(TaskSpec spec) => Backend.SubmitStreaming<T>(spec, this);

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
        ExceptionDispatchInfo? death;
        lock (_mailbox)
        {
            death = _death;
            if (death is null)
            {
                _mailbox.AddLast(call);
            }
        }

        if (death is not null)
        {
            call.FailWith(death);
            return;
        }

        call.Start();
    }

    /// <summary>A call's dependencies are ready, or a running call finished: run what can run.</summary>
    public void Pump()
    {
        lock (_mailbox)
        {
            if (_drainScheduled || !CanRunHead())
            {
                return;
            }

            _drainScheduled = true;
        }

        ThreadBudget.Dispatched();
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
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
            lock (_mailbox)
            {
                dead = _state == ActorState.Dead;
                if (!dead)
                {
                    _current = new ActorIncarnation(instance, _isAsync);
                    _state = ActorState.Alive;
                }
            }

            if (dead)
            {
                new ActorIncarnation(instance, _isAsync).End();
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
        lock (_mailbox)
        {
            _running.Remove(call);
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
        lock (_mailbox)
        {
            if (_death is not null)
            {
                return;
            }

            holdsResources = _state == ActorState.Alive && releaseResources;
            _death = death;
            _state = ActorState.Dead;
            queued = [.. _mailbox];
            running = [.. _running];
            _mailbox.Clear();
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
        lock (_mailbox)
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
            _restarts++;
            var interrupted = ExceptionDispatchInfo.Capture(new ActorDiedException(ClassName, Id, $"{restartReason} while this call ran, and MaxTaskRetries ({_maxTaskRetries}) is used up", cause));
            for (var i = running.Count - 1; i >= 0; i--)
            {
                var call = running[i];
                if (_maxTaskRetries == -1 || call.Attempts < _maxTaskRetries)
                {
                    _mailbox.AddFirst(call.AbandonForRetry());
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
        bool orphaned;
        lock (_mailbox)
        {
            orphaned = Name is null && Volatile.Read(ref _handles) == 0 && _state == ActorState.Alive && _mailbox.Count == 0 && _running.Count == 0;
        }

        if (orphaned)
        {
            Die("no handle to it is left", null);
        }
    }

    private void Drain()
    {
        for (var i = 0; i < DrainBatch; i++)
        {
            LocalTask? next;
            ActorIncarnation incarnation;
            lock (_mailbox)
            {
                next = TakeRunnableHead();
                if (next is null)
                {
                    _drainScheduled = false;
                    return;
                }

                incarnation = _current!;
                _running.Add(next);
            }

            incarnation.CallStarted();
            next.Incarnation = incarnation;
            if (incarnation.Turns is { } turns)
            {
                Task.Factory.StartNew(static state => ((LocalTask)state!).RunActorCall(), next, CancellationToken.None, TaskCreationOptions.DenyChildAttach, turns);
            }
            else if (_maxConcurrency > 1)
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

        lock (_mailbox)
        {
            _drainScheduled = false;
        }

        Pump();
    }

    private bool CanRunHead()
    {
        if (_state != ActorState.Alive || _running.Count >= _maxConcurrency)
        {
            return false;
        }

        while (_mailbox.First is { } head)
        {
            switch (head.Value.State)
            {
                case LocalTask.Finished:
                    _mailbox.RemoveFirst();
                    continue;
                case LocalTask.Queued:
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    private LocalTask? TakeRunnableHead()
    {
        while (CanRunHead())
        {
            var head = _mailbox.First!.Value;
            _mailbox.RemoveFirst();
            if (head.TryStartActorCall())
            {
                return head;
            }
        }

        return null;
    }
}
