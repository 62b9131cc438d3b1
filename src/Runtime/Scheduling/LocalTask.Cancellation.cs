using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using RaySharp.Objects;

namespace RaySharp.Scheduling;

/// <summary>Cancellation: <c>Ray.Cancel</c>, shutdown, the tasks a task submitted, and actor calls a restart takes away.</summary>
internal sealed partial class LocalTask
{
    public bool IsCancelRequested => ExtrasIfAny is { } extras && Volatile.Read(ref extras.CancelRequested) != 0;

    /// <inheritdoc />
    public override CancellationToken CancellationToken => (Volatile.Read(ref Extras.Cancellation) ?? CreateCancellation()).Token;

    /// <inheritdoc />
    public bool IsInterrupted => IsCancelRequested && InterruptsWaits;

    /// <inheritdoc />
    public CancellationToken Interruption => InterruptsWaits ? CancellationToken : default;

    /// <summary>
    /// Whether a cancel interrupts the task's blocking calls, as Ray raises KeyboardInterrupt in a task and
    /// CancelledError in an async actor call. A sync actor call is not interrupted (Ray's rule): it reads
    /// <see cref="RuntimeContext.IsCancelled"/>, and its ref is cancelled even when it returns.
    /// </summary>
    private bool InterruptsWaits => Role != TaskRole.ActorCall || _function.IsAsync;

    /// <inheritdoc />
    public TaskCancelledException InterruptedError() => new(Name, Id);

    /// <summary>Ray.Cancel: a waiting task never runs; a running one sees its token (and with force, its ref fails now).</summary>
    public void Cancel(bool force, bool recursive)
    {
        RequestCancellation();
        if (recursive)
        {
            foreach (var child in SnapshotChildren())
            {
                child.Cancel(force, recursive: true);
            }
        }

        while (true)
        {
            var state = State;
            switch (state)
            {
                case WaitingForDependencies or Queued when TryTransition(state, Finished):
                    Conclude(CancelledError());

                    // A cancelled call that waited for its arguments no longer holds up its caller's later calls.
                    if (IsActorCall)
                    {
                        TargetActor!.Pump();
                    }

                    return;
                case Dispatched when TryTransition(Dispatched, Finished):
                    ReleaseResources();
                    Conclude(CancelledError());
                    return;
                case Running:
                    if (force)
                    {
                        FailOutputs(CancelledError());
                    }

                    return;
                case Finished:
                    return;
            }
        }
    }

    /// <summary>Shutdown: the ref fails with <paramref name="error"/> and running code sees its token.</summary>
    public void Abort(ExceptionDispatchInfo error)
    {
        Interlocked.Exchange(ref _state, Finished);

        // The ref fails first: the cancellation interrupts the task's waits, and its own end must not win the race.
        FailOutputs(error);
        RequestCancellation();
    }

    /// <inheritdoc />
    public bool IsFinished => State == Finished;

    /// <summary>Remembers a task submitted from inside this one (here or, on a cluster, on another node), so a recursive cancel reaches it.</summary>
    public void AddChild(ITaskProducer child)
    {
        var extras = Extras;
        var children = Volatile.Read(ref extras.Children);
        if (children is null)
        {
            Interlocked.CompareExchange(ref extras.Children, [], null);
            children = extras.Children!;
        }

        lock (children)
        {
            if (children.Count >= 16 && children.Count == children.Capacity)
            {
                children.RemoveAll(static c => c.IsFinished);
            }

            children.Add(child);
        }
    }

    /// <summary>Takes a running actor call away from a dying incarnation: its late outcome is ignored.</summary>
    /// <returns>A fresh copy that can run on the next incarnation, sharing the same outputs.</returns>
    public LocalTask AbandonForRetry()
    {
        Extras.Abandoned = true;
        RequestCancellation();
        var retry = new LocalTask(Backend, Spec, _options, _result, new TaskExtras { Actor = TargetActor, Role = Role, Outputs = Outputs, Staging = NewStagingSlots(Outputs), Attempts = Attempts + 1 })
        {
            _state = Queued,
        };
        _result.Producer = retry;
        Backend.Live.Remove(this);
        Backend.Live.TryAdd(retry);
        return retry;
    }

    /// <summary>
    /// An actor call that threw: true when it goes back to its actor's queue to run again (Ray's
    /// <c>max_task_retries</c> with <c>retry_exceptions</c>): its <c>RetryExceptions</c> match the error and retries are
    /// left, counted against its own <c>MaxRetries</c> when the call or method sets one, else the actor's
    /// <paramref name="actorMaxTaskRetries"/>. Streaming calls are not retried this way yet.
    /// </summary>
    public bool TryRequeueAfterError(Exception error, int actorMaxTaskRetries)
    {
        var budget = Spec.Options?.MaxRetries ?? _function.DefaultOptions.MaxRetries ?? actorMaxTaskRetries;
        if (Outputs?.Stream is not null || IsCancellation(error) || IsCancelRequested || !_options.RetryExceptions.Matches(error)
            || (budget != -1 && Attempts >= budget) || !TryTransition(Running, Queued))
        {
            return false;
        }

        Extras.Attempts++;
        _resultStaged = false;
        if (ExtrasIfAny?.Staging is { } staging)
        {
            Array.Clear(staging);
        }

        return true;
    }

    /// <summary>Staging slots for an attempt that a restart may abandon: one per result.</summary>
    public static ObjectRef?[] NewStagingSlots(ExtraOutputs? outputs) => new ObjectRef?[1 + (outputs?.Entries.Length ?? 0)];

    /// <summary>Ends a running actor call because its actor died: its ref fails now and its token is signalled.</summary>
    public void AbandonWith(ExceptionDispatchInfo error)
    {
        Extras.Abandoned = true;
        RequestCancellation();
        Interlocked.Exchange(ref _state, Finished);
        Conclude(error);
    }

    private bool IsCancellation(Exception error) => error is OperationCanceledException && IsCancelRequested;

    private ExceptionDispatchInfo CancelledError() => ExceptionDispatchInfo.Capture(InterruptedError());

    /// <summary>A sync actor call cancelled while it ran ends cancelled even when it returns (Ray's <c>is_canceled()</c> contract).</summary>
    private bool EndsCancelledDespiteReturning => IsCancelRequested && Role == TaskRole.ActorCall && !_function.IsAsync;

    private void RequestCancellation()
    {
        Interlocked.Exchange(ref Extras.CancelRequested, 1); // a full fence before the read below (see CreateCancellation)
        try
        {
            ExtrasIfAny?.Cancellation?.Cancel();
        }
        catch (AggregateException)
        {
            // A user's cancellation callback threw; cancelling must still go on.
        }
    }

    private List<ITaskProducer> SnapshotChildren()
    {
        var children = ExtrasIfAny?.Children;
        if (children is null)
        {
            return [];
        }

        lock (children)
        {
            return [.. children];
        }
    }

    private CancellationTokenSource CreateCancellation()
    {
        var extras = Extras;
        var created = new CancellationTokenSource();
        var cancellation = Interlocked.CompareExchange(ref extras.Cancellation, created, null) ?? created;
        if (IsCancelRequested)
        {
            cancellation.Cancel();
        }

        return cancellation;
    }
}
