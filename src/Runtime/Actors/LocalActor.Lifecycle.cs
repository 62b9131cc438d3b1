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

/// <summary>An actor's life: its constructor, restarts, handles, death and kill.</summary>
internal sealed partial class LocalActor
{
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
        EndOwned("restarted");
        var creation = new LocalTask(Backend, _constructor, _creationOptions, new Objects.ObjectEntry<Unit>(Backend.NextObjectId()), new TaskExtras { Actor = this, Role = LocalTask.TaskRole.ActorCreation });
        Volatile.Write(ref _creation, creation);
        return creation;
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
            PendingInterrupt? pending = null;
            RestartPlan? restart = null;
            lock (_sync)
            {
                dead = _state == ActorState.Dead;
                if (!dead)
                {
                    _current = new ActorIncarnation(this, instance, _isAsync, _groups?.Count ?? 1);
                    _state = ActorState.Alive;
                    pending = _interruptWhenCreated;
                    _interruptWhenCreated = null;
                    if (pending is not null && CanRestart(pending.RestartReason))
                    {
                        // A kill during the constructor ends this incarnation in the step that made it alive: no call
                        // (not even one sent after the kill returned) may start on it first (found by Coyote).
                        restart = BeginRestartLocked(pending.RestartReason!, pending.Cause, crashed: null);
                    }
                }
            }

            if (dead)
            {
                new ActorIncarnation(this, instance, _isAsync, _groups?.Count ?? 1).End();
                Backend.Scheduler.Release(_creationOptions.Request, 0, creation.TakeGpuIds());
                return;
            }

            if (restart is not null)
            {
                FinishRestart(restart);
                return;
            }

            if (pending is not null)
            {
                Interrupt(pending.RestartReason, pending.DeathReason, pending.Cause); // no restart left: it dies
                return;
            }

            Pump();
            EndIfOrphaned();
            return;
        }

        creation.ReleaseResources();
        creation.Complete(error);
        if (error is ActorCrashException && TryCountRestart())
        {
            // As a Ray actor whose process died during __init__: created again while MaxRestarts allows.
            LogRestart("its constructor crashed", error);
            Backend.StartActor(this);
            return;
        }

        Die($"its constructor threw {error?.GetType().Name}: {error?.Message}", error, releaseResources: false);
    }

    /// <summary>A call returned or threw. Crash and exit requests end this incarnation.</summary>
    public void OnCallEnded(LocalTask call, Exception? error)
    {
        bool wasRunning;
        lock (_sync)
        {
            wasRunning = _running.Remove(call);
            if (wasRunning)
            {
                _groups?.Ended(call);
            }
        }

        if (!wasRunning)
        {
            // A restart or death took this call away while it ran: its retry (or the death) decides the outcome.
            call.Incarnation?.CallEnded();
            Pump();
            return;
        }

        switch (error)
        {
            case ActorExitException exit:
                call.AbandonWith(ExceptionDispatchInfo.Capture(new ActorDiedException(ClassName, Id, "it exited with Ray.ExitActor() during this call", exit)));
                Die("it exited with Ray.ExitActor()", null);
                break;
            case ActorCrashException crash:
                // As a Ray actor's process dying mid-task: the call is retried on the restarted actor while MaxTaskRetries allows.
                Interrupt("a call crashed it", $"a call crashed it and MaxRestarts ({_maxRestarts}) is used up", crash, crashed: call);
                break;
            default:
                if (error is not null && call.TryRequeueAfterError(error, _maxTaskRetries))
                {
                    Requeue(call);
                    break;
                }

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
            _callerOrder?.Clear();
            _groups?.ClearRunning();
            running = [.. _running];
            _running.Clear();
            ended = _current;
            _current = null;
        }

        LogDeath(reason, cause);
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
            Backend.Scheduler.Release(_creationOptions.Request, 0, TakeGpuIds());
        }

        Backend.Forget(this);
        LeaveOwner();
        EndOwned("died");
    }

    /// <summary>
    /// Ends the current incarnation. With a <paramref name="restartReason"/> and restarts left, the constructor runs
    /// again and running calls are retried while <c>MaxTaskRetries</c> allows; otherwise the actor dies with <paramref name="deathReason"/>.
    /// <paramref name="crashed"/>, the call that crashed the actor (no longer running), is retried like the running ones, or failed.
    /// </summary>
    private void Interrupt(string? restartReason, string deathReason, Exception? cause, LocalTask? crashed = null)
    {
        if (!CanRestart(restartReason))
        {
            crashed?.AbandonWith(ExceptionDispatchInfo.Capture(new ActorDiedException(ClassName, Id, "this call crashed it", cause)));
            Die(deathReason, cause);
            return;
        }

        RestartPlan? restart = null;
        lock (_sync)
        {
            if (_state == ActorState.Creating)
            {
                // The constructor is running and cannot be stopped: restart as soon as it returns.
                _interruptWhenCreated = new PendingInterrupt(restartReason, deathReason, cause);
            }
            else if (_state == ActorState.Alive)
            {
                restart = BeginRestartLocked(restartReason!, cause, crashed);
            }
        }

        if (restart is null)
        {
            crashed?.AbandonWith(ExceptionDispatchInfo.Capture(new ActorDiedException(ClassName, Id, "this call crashed it", cause)));
            return;
        }

        FinishRestart(restart);
    }

    private bool CanRestart(string? restartReason) => restartReason is not null && (_maxRestarts == -1 || Restarts < _maxRestarts);

    /// <summary>Ends the alive incarnation and requeues (or fails, in the plan) its running calls; call under <see cref="_sync"/>, then <see cref="FinishRestart"/>.</summary>
    private RestartPlan BeginRestartLocked(string restartReason, Exception? cause, LocalTask? crashed)
    {
        _state = ActorState.Creating;
        var ended = _current;
        _current = null;
        List<LocalTask> running = crashed is null ? [.. _running] : [crashed, .. _running];
        _running.Clear();
        _groups?.ClearRunning();
        _restarts++;
        var interrupted = ExceptionDispatchInfo.Capture(new ActorDiedException(ClassName, Id, $"{restartReason} while this call ran, and MaxTaskRetries ({_maxTaskRetries}) is used up", cause));
        List<LocalTask> failed = [];
        for (var i = running.Count - 1; i >= 0; i--)
        {
            var call = running[i];
            if (_maxTaskRetries == -1 || call.Attempts < _maxTaskRetries)
            {
                AddFirstLocked(call.AbandonForRetry());
            }
            else
            {
                failed.Add(call);
            }
        }

        return new RestartPlan(ended, failed, interrupted, restartReason, cause);
    }

    /// <summary>After leaving <see cref="_sync"/>: fails the calls the plan could not retry, ends the old incarnation and starts the constructor again.</summary>
    private void FinishRestart(RestartPlan restart)
    {
        LogRestart(restart.Reason, restart.Cause);
        foreach (var call in restart.Failed)
        {
            call.AbandonWith(restart.Interrupted); // refs are never completed under a lock
        }

        restart.Ended?.End();
        Backend.Scheduler.Release(_creationOptions.Request, 0, TakeGpuIds());
        Backend.StartActor(this);
    }

    /// <summary>Puts a call to retry at the head of its queue, so it runs again before the calls behind it.</summary>
    private void Requeue(LocalTask call)
    {
        ExceptionDispatchInfo? death;
        lock (_sync)
        {
            death = _death;
            if (death is null)
            {
                AddFirstLocked(call);
            }
        }

        if (death is not null)
        {
            call.FailWith(death);
        }
    }

    /// <summary>Puts a call at the head of its queue (its group's, or the mailbox); call under <see cref="_sync"/>.</summary>
    private void AddFirstLocked(LocalTask call)
    {
        if (_groups is not null)
        {
            _groups.AddFirst(call);
        }
        else
        {
            _mailbox.AddFirst(call);
        }
    }

    /// <summary>Takes one restart while the actor is being created and restarts are left.</summary>
    private bool TryCountRestart()
    {
        lock (_sync)
        {
            if (_state != ActorState.Creating || (_maxRestarts != -1 && _restarts >= _maxRestarts))
            {
                return false;
            }

            _restarts++;
            return true;
        }
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
}
