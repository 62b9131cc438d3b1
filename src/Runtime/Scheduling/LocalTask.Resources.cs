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

    /// <summary>Set in <see cref="_resources"/> while the task holds its resources.</summary>
    private const int HoldsBit = 1 << 30;

    /// <summary>The bits of <see cref="_resources"/> that count how many waits the task is blocked in (its CPU lent meanwhile).</summary>
    private const int BlockedMask = HoldsBit - 1;

    /// <summary><see cref="HoldsBit"/> and the blocked count in one word, changed only by interlocked operations (no lock per task).</summary>
    private int _resources;

    public bool TryRunProducerInline(ObjectRef awaited) =>
        awaited.Producer is LocalTask producer && producer.Backend == Backend && producer.TryRunInlineFor(this);

    private bool HoldsResources => (Volatile.Read(ref _resources) & HoldsBit) != 0;

    public void BeginBlocking()
    {
        var holder = ResourceHolder();
        while (true)
        {
            var current = Volatile.Read(ref holder._resources);
            if ((current & HoldsBit) == 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref holder._resources, current + 1, current) == current)
            {
                // The first wait lends the CPU; nested ones find it lent already.
                if ((current & BlockedMask) == 0 && holder.Request.CpuUnits > 0)
                {
                    Backend.Scheduler.LendCpu(holder.Request.CpuUnits);
                }

                return;
            }
        }
    }

    public void EndBlocking()
    {
        var holder = ResourceHolder();
        while (true)
        {
            var current = Volatile.Read(ref holder._resources);
            if ((current & HoldsBit) == 0 || (current & BlockedMask) == 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref holder._resources, current - 1, current) == current)
            {
                // The last wait to end takes the CPU back.
                if ((current & BlockedMask) == 1 && holder.Request.CpuUnits > 0)
                {
                    Backend.Scheduler.Pool.ForceAcquireCpu(holder.Request.CpuUnits);
                }

                return;
            }
        }
    }

    /// <summary>Gives the task's resources back; with <paramref name="handOff"/>, the next waiting task that they fit runs on this thread.</summary>
    public void ReleaseResources(bool handOff = false)
    {
        if (!HoldsResources)
        {
            return;
        }

        var previous = Interlocked.Exchange(ref _resources, 0);
        if ((previous & HoldsBit) == 0)
        {
            return;
        }

        var lent = (previous & BlockedMask) > 0 ? Request.CpuUnits : 0;
        var gpuIds = TakeGpuIds();
        if (handOff)
        {
            t_handOff = Backend.Scheduler.ReleaseAndTakeNext(Request, lent, gpuIds);
        }
        else
        {
            Backend.Scheduler.Release(Request, lent, gpuIds);
        }
    }

    /// <summary>The GPU numbers the task holds, set by the scheduler when it acquires them (null for none).</summary>
    public int[]? GpuIds
    {
        get => ExtrasIfAny?.GpuIds;
        set
        {
            if (value is not null)
            {
                Volatile.Write(ref Extras.GpuIds, value);
            }
        }
    }

    /// <summary>Takes the GPU numbers away to give them back to the pool; null when the task holds none.</summary>
    public int[]? TakeGpuIds() => ExtrasIfAny is { } extras ? Interlocked.Exchange(ref extras.GpuIds, null) : null;

    /// <summary>The GPU numbers the code running as this task may use: its own, or those of the blocked task it runs inline for.</summary>
    public int[] UsableGpuIds() => ResourceHolder().GpuIds ?? [];

    /// <summary>Gives this task's resources to its actor, which holds them for its whole life.</summary>
    public void TransferResourcesToActor() => SetHoldsResources(false);

    /// <summary>Set by the scheduler before the task can run, and by the actor that takes the resources over; ordered by the state change that follows.</summary>
    private void SetHoldsResources(bool holds) => Volatile.Write(ref _resources, holds ? HoldsBit : 0);

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

        if (Role != TaskRole.Task || _function.IsAsync || t_inlineDepth >= MaxInlineDepth || !TryTransition(Dispatched, Running))
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
        while (!task.HoldsResources && task.ExtrasIfAny?.InlineHost is { } host)
        {
            task = host;
        }

        return task;
    }
}
