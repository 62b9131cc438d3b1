using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using RaySharp.Backend;
using RaySharp.Scheduling;

namespace RaySharp.Actors;

/// <summary>
/// One actor in the in-process backend: its instance and its mailbox. Calls enter the mailbox when their stub
/// returns, so they run in submission order; a call whose ref arguments are pending holds up the calls behind it,
/// as in Ray. Up to <c>MaxConcurrency</c> calls run at once (default 1), drained in batches on a pool thread.
/// </summary>
[DebuggerDisplay("Actor {ClassName,nq} {Id} {_state}")]
internal sealed class LocalActor : IThreadPoolWorkItem, IActorEndpoint
{
    private const int DrainBatch = 64;

    private readonly Queue<LocalTask> _mailbox = new();
    private readonly int _maxConcurrency;
    private ActorState _state = ActorState.Creating;
    private ExceptionDispatchInfo? _death;
    private object? _instance;
    private int _running;
    private bool _drainScheduled;

    public LocalActor(LocalBackend backend, ActorId id, string className, Type handleType, string? name, int maxConcurrency)
    {
        Backend = backend;
        Id = id;
        ClassName = className;
        HandleType = handleType;
        Name = name;
        _maxConcurrency = maxConcurrency;
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

    /// <summary>The actor instance, once the constructor returned.</summary>
    public object? Instance => Volatile.Read(ref _instance);

    public ObjectRef<T> Call<T>(TaskSpec spec) => Backend.Submit<T>(spec, this);

    public (ObjectRef<T1>, ObjectRef<T2>) Call<T1, T2>(TaskSpec spec) => Backend.Submit<T1, T2>(spec, this);

    public (ObjectRef<T1>, ObjectRef<T2>, ObjectRef<T3>) Call<T1, T2, T3>(TaskSpec spec) => Backend.Submit<T1, T2, T3>(spec, this);

    public ObjectRefGenerator<T> CallStreaming<T>(TaskSpec spec) => Backend.SubmitStreaming<T>(spec, this);

    /// <summary>Queues a call in submission order; fails it at once when the actor is dead.</summary>
    public void Enqueue(LocalTask call)
    {
        ExceptionDispatchInfo? death;
        lock (_mailbox)
        {
            death = _death;
            if (death is null)
            {
                _mailbox.Enqueue(call);
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

        ThreadBudget.Enter();
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    public void OnCallFinished()
    {
        lock (_mailbox)
        {
            _running--;
        }

        Pump();
    }

    public void OnCreated(object instance)
    {
        Volatile.Write(ref _instance, instance);
        lock (_mailbox)
        {
            _state = ActorState.Alive;
        }

        Pump();
    }

    /// <summary>The actor died (constructor threw, runtime shut down): queued and future calls fail with <paramref name="reason"/>.</summary>
    public void Die(string reason, Exception? cause)
    {
        var death = ExceptionDispatchInfo.Capture(new ActorDiedException(ClassName, Id, reason, cause));
        List<LocalTask> queued;
        lock (_mailbox)
        {
            if (_death is not null)
            {
                return;
            }

            _death = death;
            _state = ActorState.Dead;
            queued = [.. _mailbox];
            _mailbox.Clear();
        }

        foreach (var call in queued)
        {
            call.FailWith(death);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        try
        {
            Drain();
        }
        finally
        {
            ThreadBudget.Leave();
        }
    }

    private void Drain()
    {
        for (var i = 0; i < DrainBatch; i++)
        {
            LocalTask? next;
            lock (_mailbox)
            {
                next = TakeRunnableHead();
                if (next is null)
                {
                    _drainScheduled = false;
                    return;
                }

                _running++;
            }

            next.RunActorCall();
        }

        lock (_mailbox)
        {
            _drainScheduled = false;
        }

        Pump();
    }

    private bool CanRunHead()
    {
        if (_state != ActorState.Alive || _running >= _maxConcurrency)
        {
            return false;
        }

        while (_mailbox.TryPeek(out var head))
        {
            switch (head.State)
            {
                case LocalTask.Finished:
                    _mailbox.Dequeue();
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
            var head = _mailbox.Dequeue();
            if (head.TryStartActorCall())
            {
                return head;
            }
        }

        return null;
    }
}
