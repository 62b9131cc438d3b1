using System;
using System.Threading;
using RaySharp.Objects;

namespace RaySharp.Scheduling;

/// <summary>
/// The resources a task holds, and what it does with them when it blocks: run the producer inline on its own
/// thread and resources, or lend its CPU to the scheduler until it resumes.
/// </summary>
internal sealed partial class LocalTask : IBlockingContext
{
    private const int MaxInlineDepth = 128;

    [ThreadStatic]
    private static int t_inlineDepth;

    // Guarded by lock (this).
    private bool _holdsResources;
    private int _blockedCount;

    public bool TryRunProducerInline(ObjectEntry awaited) =>
        awaited.Producer is LocalTask producer && producer._backend == _backend && producer.TryRunInlineFor(this);

    public void BeginBlocking()
    {
        var holder = ResourceHolder();
        long lend = 0;
        lock (holder)
        {
            if (holder._holdsResources && holder._blockedCount++ == 0)
            {
                lend = holder.Request.CpuUnits;
            }
        }

        if (lend > 0)
        {
            _backend.Scheduler.LendCpu(lend);
        }
    }

    public void EndBlocking()
    {
        var holder = ResourceHolder();
        long take = 0;
        lock (holder)
        {
            if (holder._holdsResources && holder._blockedCount > 0 && --holder._blockedCount == 0)
            {
                take = holder.Request.CpuUnits;
            }
        }

        if (take > 0)
        {
            _backend.Scheduler.Pool.ForceAcquireCpu(take);
        }
    }

    /// <summary>Gives the task's resources back; with <paramref name="handOff"/>, the next waiting task that they fit runs on this thread.</summary>
    public void ReleaseResources(bool handOff = false)
    {
        long lent;
        lock (this)
        {
            if (!_holdsResources)
            {
                return;
            }

            _holdsResources = false;
            lent = _blockedCount > 0 ? Request.CpuUnits : 0;
            _blockedCount = 0;
        }

        if (handOff)
        {
            t_handOff = _backend.Scheduler.ReleaseAndTakeNext(Request, lent);
        }
        else
        {
            _backend.Scheduler.Release(Request, lent);
        }
    }

    /// <summary>Gives this task's resources to its actor, which holds them for its whole life.</summary>
    public void TransferResourcesToActor() => SetHoldsResources(false);

    /// <summary>Set by the scheduler before the task can run, and by the actor that takes the resources over; ordered by the state change that follows.</summary>
    private void SetHoldsResources(bool holds) => Volatile.Write(ref _holdsResources, holds);

    /// <inheritdoc />
    /// <remarks>
    /// A synchronous plain task that the scheduler dispatched (its resources are acquired) and no pool thread started
    /// yet: the pool's work item then finds it running and skips it, as TPL's task inlining does. The caller's
    /// <see cref="SynchronizationContext"/> is hidden meanwhile, so the task sees what it sees on the pool. A queued
    /// call on a sync actor runs, after the calls queued before it, whenever the actor's single running slot is free
    /// (<see cref="Actors.LocalActor.TryRunOnWaitingThread(LocalTask)"/>).
    /// </remarks>
    public bool TryRunOnWaitingThread()
    {
        if (Role == TaskRole.ActorCall)
        {
            return State == Queued && TargetActor is { } actor && actor.TryRunOnWaitingThread(this);
        }

        if (Role != TaskRole.Task || Spec.Function.IsAsync || t_inlineDepth >= MaxInlineDepth || !TryTransition(Dispatched, Running))
        {
            return false;
        }

        var callerContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        t_inlineDepth++;
        try
        {
            Run();
        }
        finally
        {
            t_inlineDepth--;
            SynchronizationContext.SetSynchronizationContext(callerContext);
        }

        return true;
    }

    private bool TryRunInlineFor(LocalTask host)
    {
        if (t_inlineDepth >= MaxInlineDepth || Role != TaskRole.Task)
        {
            return false;
        }

        var state = State;
        if (state == Queued && Request.FitsWithin(host.Request) && TryTransition(Queued, Running))
        {
            // Runs on the host's resources: the host is blocked waiting for exactly this result.
            Extras.InlineHost = host;
        }
        else if (!(state == Dispatched && TryTransition(Dispatched, Running)))
        {
            return false;
        }

        t_inlineDepth++;
        try
        {
            Run();
        }
        finally
        {
            t_inlineDepth--;
        }

        return true;
    }

    /// <summary>The task whose resources this thread runs on: itself, or the blocked task that ran it inline.</summary>
    private LocalTask ResourceHolder()
    {
        var task = this;
        while (!task._holdsResources && task.ExtrasIfAny?.InlineHost is { } host)
        {
            task = host;
        }

        return task;
    }
}
